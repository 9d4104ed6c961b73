package dev.erk.client;

import java.lang.reflect.RecordComponent;
import java.util.Set;

/**
 * Bounded text of values for {@code toString}: long text is cut, bodies are shown by size, so a log
 * line or an assertion message stays readable whatever erk printed.
 */
final class ValueText {
  /** The most characters of one component a {@code toString} shows. */
  static final int MAX_CHARS = 200;

  private ValueText() {}

  /**
   * A record as the JDK writes it, {@code Name[a=1, b=x]}, but each component bounded and the named
   * bodies shown by size and hash only.
   */
  static String of(Record value, Set<String> bodies) {
    StringBuilder out = new StringBuilder(value.getClass().getSimpleName()).append('[');
    RecordComponent[] components = value.getClass().getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      Object shown;
      try {
        shown = component.getAccessor().invoke(value);
      } catch (ReflectiveOperationException | RuntimeException e) {
        shown = "?";
      }
      if (i > 0) {
        out.append(", ");
      }
      out.append(component.getName()).append('=');
      if (bodies.contains(component.getName()) && shown instanceof String body) {
        out.append(body(body));
      } else {
        out.append(bounded(String.valueOf(shown)));
      }
    }
    return out.append(']').toString();
  }

  /** The text, cut after {@value #MAX_CHARS} characters with the full length added. */
  static String bounded(String text) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    return text.substring(0, MAX_CHARS) + "…(" + text.length() + " chars)";
  }

  /**
   * A body by size and content hash: two different bodies differ in an assertion message, and
   * nothing of their text shows.
   */
  static String body(String text) {
    return "<" + text.length() + " chars, #" + Integer.toHexString(text.hashCode()) + ">";
  }
}
