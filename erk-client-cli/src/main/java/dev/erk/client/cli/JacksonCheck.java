package dev.erk.client.cli;

import com.fasterxml.jackson.core.Version;

/**
 * Checks that the Jackson on the class path is new enough. Hosts such as older Spring Boot
 * applications pin an older Jackson, and a missing method would otherwise surface as a {@link
 * NoSuchMethodError} in the middle of a call.
 */
final class JacksonCheck {
  /**
   * The oldest Jackson erk-client works with: {@code JsonRecyclerPools} (2.16), which lets the
   * codec own its buffer pool instead of leaving one in a thread-local of every thread that decoded
   * (see {@code ErkJson}).
   */
  static final String MINIMUM = "2.16";

  private JacksonCheck() {}

  /** Throws {@link IllegalStateException} naming the versions if Jackson is too old. */
  static void check() {
    check("jackson-core", com.fasterxml.jackson.core.json.PackageVersion.VERSION);
    check("jackson-databind", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);
  }

  static void check(String artifact, Version version) {
    if (version.getMajorVersion() < 2
        || (version.getMajorVersion() == 2 && version.getMinorVersion() < 16)) {
      throw new IllegalStateException(
          "erk-client needs "
              + artifact
              + " "
              + MINIMUM
              + " or newer, but the class path has "
              + version
              + "; upgrade or pin Jackson to "
              + MINIMUM
              + "+ (com.fasterxml.jackson:jackson-bom)");
    }
  }
}
