package dev.erk.examples;

/** A bad command line: the message says what is wrong, for one line on stderr and exit 2. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
