package dev.erk.client.cli;

/** Validates environment variables given to the builder. */
final class EnvironmentCheck {
  private EnvironmentCheck() {}

  static void name(String name) {
    if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("not an environment variable name: " + name);
    }
  }

  static void value(String name, String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("the value of " + name + " must not contain NUL");
    }
  }
}
