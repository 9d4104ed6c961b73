package dev.erk.client.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A {@link FakeErk}'s record of invocations as the public API shows it: the entries the script
 * wrote ({@link JournalFiles}) joined with the stubs that answered them, taken one by one, and
 * verified against argv patterns. Thread-safe; the stubs are read under the fake's lock.
 */
final class Journal {
  private final FakeErk owner;
  private final JournalFiles files;

  Journal(FakeErk owner, JournalFiles files) {
    this.owner = owner;
    this.files = files;
  }

  List<Invocation> invocations() {
    owner.checkOpenNow();
    List<JournalFiles.Entry> entries = files.entries();
    synchronized (owner.lock) {
      owner.checkOpen();
      List<Stub> stubs = owner.stubs();
      return entries.stream().map(e -> toInvocation(e, stubs)).toList();
    }
  }

  Optional<Invocation> take(Duration timeout) throws InterruptedException {
    owner.checkOpenNow();
    Optional<JournalFiles.Entry> entry = files.take(timeout);
    synchronized (owner.lock) {
      List<Stub> stubs = owner.stubs();
      return entry.map(e -> toInvocation(e, stubs));
    }
  }

  void verifyAtLeastOnce(ArgvPattern pattern) {
    verify(pattern, n -> n >= 1, "at least once");
  }

  void verifyTimes(int times, ArgvPattern pattern) {
    verify(pattern, n -> n == times, times == 1 ? "exactly once" : "exactly " + times + " times");
  }

  void verifyNoUnmatched() {
    List<Invocation> all = invocations();
    if (all.stream().anyMatch(Invocation::unmatched)) {
      throw new AssertionError(report(all).unmatched());
    }
  }

  /** Forgets every entry; the caller deletes the files. */
  void clear() {
    files.clear();
  }

  private void verify(ArgvPattern pattern, Predicate<Long> expected, String wanted) {
    List<Invocation> all = invocations();
    long count = all.stream().filter(i -> pattern.matches(i.argv())).count();
    if (!expected.test(count)) {
      throw new AssertionError(report(all).countMismatch(pattern, wanted, count));
    }
  }

  private static Invocation toInvocation(JournalFiles.Entry entry, List<Stub> stubs) {
    Optional<String> stub =
        entry.stubId().equals("-")
            ? Optional.empty()
            : Optional.of(
                stubs.stream()
                    .filter(s -> String.valueOf(s.spec().id()).equals(entry.stubId()))
                    .findFirst()
                    .map(Stub::description)
                    .orElse("#" + entry.stubId() + " (removed)"));
    return new Invocation(entry.argv(), entry.cwd(), entry.environment(), entry.time(), stub);
  }

  private FailureReport report(List<Invocation> all) {
    synchronized (owner.lock) {
      return new FailureReport(all, owner.stubs().stream().map(Stub::spec).toList());
    }
  }
}
