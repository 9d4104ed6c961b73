package dev.erk.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version {@code erk --version} reports, such as {@code erk, version 0.9.11}.
 *
 * <p>Two erk builds share the string {@code 0.9.11} (the v0.9.11 release and the work after it),
 * and they differ in their row schema; {@link PlanList#generation()} tells them apart.
 *
 * @param major the first number
 * @param minor the second number
 * @param patch the third number
 * @param text the version as printed, e.g. {@code 0.9.11} or {@code 0.10.0.dev3}
 */
public record ErkVersion(int major, int minor, int patch, String text)
    implements Comparable<ErkVersion> {
  private static final Pattern VERSION =
      Pattern.compile("version\\s+((\\d+)\\.(\\d+)(?:\\.(\\d+))?\\S*)");

  /** Checks that the numbers are not negative. */
  public ErkVersion {
    if (major < 0 || minor < 0 || patch < 0) {
      throw new IllegalArgumentException("negative version number in " + text);
    }
  }

  /**
   * Parses the output of {@code erk --version}.
   *
   * @throws IllegalArgumentException if the text holds no {@code version X.Y[.Z]}
   */
  public static ErkVersion parse(String versionOutput) {
    Matcher m = VERSION.matcher(versionOutput);
    if (!m.find()) {
      throw new IllegalArgumentException("not an erk version: " + versionOutput.strip());
    }
    String patch = m.group(4);
    return new ErkVersion(
        Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)),
        patch == null ? 0 : Integer.parseInt(patch),
        m.group(1));
  }

  /** True when this version is at least {@code major.minor.patch}. */
  public boolean isAtLeast(int major, int minor, int patch) {
    return compareTo(new ErkVersion(major, minor, patch, "")) >= 0;
  }

  @Override
  public int compareTo(ErkVersion other) {
    int c = Integer.compare(major, other.major);
    if (c == 0) {
      c = Integer.compare(minor, other.minor);
    }
    return c != 0 ? c : Integer.compare(patch, other.patch);
  }

  @Override
  public String toString() {
    return text;
  }
}
