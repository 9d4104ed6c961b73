package dev.erk.client;

import java.util.regex.Pattern;

/**
 * Removes the Rich console markup that erk puts in its display fields.
 *
 * <p>{@code "[yellow]impl[/yellow]"} becomes {@code "impl"}, and {@code
 * "[cyan][link=https://…]9042[/link][/cyan]"} becomes {@code "9042"}. Only style tags (lower-case
 * style words such as {@code dim red}), {@code [link=…]}, and their closing tags are removed, so
 * literal brackets such as the {@code [erk-pr]} title prefix survive.
 */
public final class RichMarkup {
  private static final Pattern TAG =
      Pattern.compile("\\[/?(?:link(?:=[^\\]]*)?|[a-z]+(?: [a-z]+)*)?\\]");

  private RichMarkup() {}

  /** The text without its Rich markup tags. */
  public static String strip(String text) {
    if (text.indexOf('[') < 0) {
      return text;
    }
    return TAG.matcher(text).replaceAll("");
  }
}
