package dev.erk.client;

/** A value an {@link ActionRequest} carries into erk's command line, with its validation rule. */
public enum ActionParameter {
  /** The plan's PR number (0.7.x: the plan issue's number). A positive integer. */
  PR_NUMBER,
  /** The implementation PR linked to a plan, where it differs by generation. A positive integer. */
  LINKED_PR_NUMBER,
  /**
   * The plan a land creates its learn plan for: erk's {@code --linked-pr-number} ({@code
   * --plan-number} in 0.9.x; 0.7.x has neither). Absent for a learn plan. A positive integer.
   */
  LEARN_SOURCE_NUMBER,
  /** An objective issue number. A positive integer. */
  OBJECTIVE_NUMBER,
  /**
   * A git branch: no leading {@code -}, no whitespace of any kind (no-break space included), no
   * format characters (zero-width space, bidirectional overrides) and no control characters.
   */
  BRANCH,
  /** A workflow run id: decimal digits. */
  RUN_ID,
  /** A comment to post: free text; line feeds allowed, other control characters not. */
  COMMENT,
  /**
   * A one-shot prompt: free text, stripped of surrounding whitespace as erk's dashboard does, that
   * must not then start with {@code -}.
   */
  PROMPT,
  /** A path to a plan markdown file: no leading {@code -}, no control characters. */
  PLAN_FILE;

  /**
   * Checks a value for this parameter and returns it as erk would receive it: a {@link #PROMPT} is
   * stripped of leading and trailing whitespace first, as erk's dashboard strips what the user
   * typed; every other value is returned unchanged.
   *
   * <p>Every value must be valid UTF-16 (no lone surrogate) and free of control characters (free
   * text may hold line feeds and tabs). A refused value is shown whole in the message, cut to 60
   * characters, with invisible characters escaped.
   *
   * @return the value to pass to erk
   * @throws IllegalArgumentException if the value is not safe and valid for this parameter
   */
  public String validate(String value) {
    String what = name().toLowerCase(java.util.Locale.ROOT);
    switch (this) {
      case PR_NUMBER, LINKED_PR_NUMBER, LEARN_SOURCE_NUMBER, OBJECTIVE_NUMBER -> {
        ArgumentCheck.digits(what, value);
        if (value.startsWith("0")) {
          throw ArgumentCheck.refused(what, "must be a positive number", value);
        }
        try {
          Integer.parseInt(value);
        } catch (NumberFormatException e) {
          throw ArgumentCheck.refused(what, "is too large", value);
        }
      }
      case RUN_ID -> ArgumentCheck.digits(what, value);
      case BRANCH -> ArgumentCheck.spaceless(what, value);
      case COMMENT -> ArgumentCheck.text(what, value);
      case PROMPT -> {
        String stripped = ArgumentCheck.strip(value);
        ArgumentCheck.text(what, stripped);
        if (stripped.startsWith("-")) {
          throw ArgumentCheck.refusedFreeText(
              what, "must not start with '-' (erk would read it as an option)", stripped, 0);
        }
        return stripped;
      }
      case PLAN_FILE -> ArgumentCheck.token(what, value);
    }
    return value;
  }
}
