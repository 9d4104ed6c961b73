package dev.erk.client.cli;

/** A detail answer that does not have the shape erk's source says it has. */
final class BadDetail extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadDetail(String message) {
    super(message, null, false, false);
  }
}
