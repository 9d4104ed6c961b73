package dev.erk.client;

/** A value an {@link ActionRequest} carries into erk's command line, with its validation rule. */
public enum ActionParameter {
  /** The plan's PR number (0.7.x: the plan issue's number). A positive integer. */
  PR_NUMBER,
  /** The implementation PR linked to a plan, where it differs by generation. A positive integer. */
  LINKED_PR_NUMBER,
  /** An objective issue number. A positive integer. */
  OBJECTIVE_NUMBER,
  /** A git branch: no leading {@code -}, no whitespace or control characters. */
  BRANCH,
  /** A workflow run id: decimal digits. */
  RUN_ID,
  /** A comment to post: free text; line feeds allowed, other control characters not. */
  COMMENT,
  /** A one-shot prompt: free text without a leading {@code -}. */
  PROMPT,
  /** A path to a plan markdown file: no leading {@code -}, no control characters. */
  PLAN_FILE;

  /**
   * Checks a value for this parameter.
   *
   * @return the value
   * @throws IllegalArgumentException if the value is not safe and valid for this parameter
   */
  public String validate(String value) {
    String what = name().toLowerCase(java.util.Locale.ROOT);
    switch (this) {
      case PR_NUMBER, LINKED_PR_NUMBER, OBJECTIVE_NUMBER -> {
        ArgumentCheck.digits(what, value);
        if (value.startsWith("0")) {
          throw new IllegalArgumentException(what + " must be a positive number: " + value);
        }
        try {
          Integer.parseInt(value);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(what + " is too large: " + value, e);
        }
      }
      case RUN_ID -> ArgumentCheck.digits(what, value);
      case BRANCH -> {
        ArgumentCheck.token(what, value);
        if (value.chars().anyMatch(Character::isWhitespace)) {
          throw new IllegalArgumentException(what + " must not contain whitespace: " + value);
        }
      }
      case COMMENT -> ArgumentCheck.text(what, value);
      case PROMPT -> {
        ArgumentCheck.text(what, value);
        ArgumentCheck.token(what, value.substring(0, 1));
      }
      case PLAN_FILE -> ArgumentCheck.token(what, value);
    }
    return value;
  }
}
