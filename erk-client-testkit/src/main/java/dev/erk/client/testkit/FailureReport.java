package dev.erk.client.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the messages of failed verifications: what was expected, what the fake recorded, and which
 * stubs come nearest, so that a typo in a command or option is visible at a glance.
 */
final class FailureReport {

  private static final int MAX_LISTED = 50;
  private static final int MAX_NEAREST = 5;

  private final List<Invocation> invocations;
  private final List<Stub.Spec> stubs;

  /** {@code stubs} oldest first, as added; only those with a reply count. */
  FailureReport(List<Invocation> invocations, List<Stub.Spec> stubs) {
    this.invocations = invocations;
    List<Stub.Spec> newestFirst = new ArrayList<>();
    for (Stub.Spec stub : stubs) {
      if (!stub.replies().isEmpty()) {
        newestFirst.add(stub);
      }
    }
    newestFirst.sort(Comparator.comparingInt(Stub.Spec::id).reversed());
    this.stubs = newestFirst;
  }

  String countMismatch(ArgvPattern pattern, String wanted, long count) {
    return "Expected the fake erk to be called "
        + wanted
        + " with argv matching ["
        + pattern
        + "], but it was called "
        + count
        + " time"
        + (count == 1 ? "" : "s")
        + ".\n"
        + recordedInvocations()
        + nearestStubs(pattern.sampleArgv());
  }

  String unmatched() {
    List<Invocation> unmatched = invocations.stream().filter(Invocation::unmatched).toList();
    StringBuilder out =
        new StringBuilder(
            "The fake erk received " + unmatched.size() + " call(s) that no stub matched:\n");
    for (Invocation call : unmatched.subList(0, Math.min(MAX_LISTED, unmatched.size()))) {
      out.append("  ")
          .append(call.commandLine())
          .append("   (in ")
          .append(call.cwd())
          .append(")\n  ")
          .append(nearestStubs(call.argv()).replace("\n", "\n  ").stripTrailing())
          .append('\n');
    }
    return out.toString();
  }

  private String recordedInvocations() {
    if (invocations.isEmpty()) {
      return "No invocations were recorded.\n";
    }
    StringBuilder out = new StringBuilder("Recorded invocations (" + invocations.size() + "):\n");
    int from = Math.max(0, invocations.size() - MAX_LISTED);
    for (Invocation call : invocations.subList(from, invocations.size())) {
      out.append("  ")
          .append(call.commandLine())
          .append("   -> ")
          .append(call.stub().orElse("unmatched"))
          .append('\n');
    }
    return out.toString();
  }

  private String nearestStubs(List<String> argv) {
    if (stubs.isEmpty()) {
      return "No stubs are defined.\n";
    }
    StringBuilder out = new StringBuilder("Nearest stubs:\n");
    for (Stub.Spec stub :
        Similarity.nearest(argv, stubs, s -> s.pattern().sampleArgv(), MAX_NEAREST)) {
      out.append("  ").append(stub.description()).append('\n');
    }
    return out.toString();
  }
}
