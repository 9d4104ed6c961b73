package dev.erk.client.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One stub of a {@link FakeErk}: the argv it answers, the replies it gives, and the scenario state
 * it needs or sets. Obtained from {@link FakeErk#stubFor(ArgvPattern)}; takes part in matching once
 * it has a reply.
 *
 * <pre>{@code
 * FakeErk erk = FakeErk.create();
 * erk.stubFor(ArgvPattern.command("exec", "close-pr", "42"))
 *     .willReturn(Reply.stdout("{\"success\": true}\n"))
 *     .willSetState("closed");
 * erk.stubFor(ArgvPattern.command("exec", "dash-data"))
 *     .inState("closed")
 *     .willReturn(Reply.stdoutFromResource("dash-data-without-42.json"));
 * erk.stubFor(ArgvPattern.exactly("--version"))
 *     .willReturn(Reply.stdout("erk, version 0.9.0\n"))
 *     .thenReturn(Reply.stdout("erk, version 0.9.11\n"));   // for the 2nd call and every later one
 * }</pre>
 *
 * <p>Each method changes the stub in place and rewrites the fake executable atomically before
 * returning, so it is safe (if rarely useful) while invocations run. Thread-safe.
 */
public final class Stub {

  /** An immutable snapshot of a stub, for the script writer and for messages. */
  record Spec(
      int id,
      ArgvPattern pattern,
      List<Reply> replies,
      @Nullable String requiredState,
      @Nullable String nextState) {

    Spec {
      replies = List.copyOf(replies);
    }

    /** E.g. {@code #3 exec dash-data --state=closed … in state 'closed'}. */
    String description() {
      String text = "#" + id + " " + pattern;
      if (requiredState != null) {
        text += " in state " + ShellQuoting.render(requiredState);
      }
      return nextState == null ? text : text + " -> state " + ShellQuoting.render(nextState);
    }
  }

  private final FakeErk owner;
  private Spec spec; // guarded by owner's lock

  Stub(FakeErk owner, int id, ArgvPattern pattern) {
    this.owner = owner;
    this.spec = new Spec(id, pattern, List.of(), null, null);
  }

  /** Answers every matching call with {@code reply}, replacing any replies given before. */
  public Stub willReturn(Reply reply) {
    Objects.requireNonNull(reply, "reply");
    owner.change(() -> spec = withReplies(List.of(reply)));
    return this;
  }

  /**
   * Queues {@code reply} after the earlier ones: the first matching call gets the first reply, the
   * next call the next one, and the last reply answers every call after that. Concurrent calls each
   * claim a different position.
   *
   * @throws IllegalStateException if {@link #willReturn} was not called first
   */
  public Stub thenReturn(Reply reply) {
    Objects.requireNonNull(reply, "reply");
    owner.change(
        () -> {
          if (spec.replies().isEmpty()) {
            throw new IllegalStateException("call willReturn(...) before thenReturn(...)");
          }
          List<Reply> more = new ArrayList<>(spec.replies());
          more.add(reply);
          spec = withReplies(more);
        });
    return this;
  }

  /**
   * Lets this stub match only while the scenario is in {@code state} (see {@link FakeErk#state()}).
   */
  public Stub inState(String state) {
    ScenarioFiles.checkStateName(state);
    owner.change(
        () -> spec = new Spec(spec.id(), spec.pattern(), spec.replies(), state, spec.nextState()));
    return this;
  }

  /** Moves the scenario to {@code state} after this stub answers with exit code 0. */
  public Stub willSetState(String state) {
    ScenarioFiles.checkStateName(state);
    owner.change(
        () ->
            spec =
                new Spec(spec.id(), spec.pattern(), spec.replies(), spec.requiredState(), state));
    return this;
  }

  /** The argv pattern this stub answers. */
  public ArgvPattern pattern() {
    return spec().pattern();
  }

  /** How invocations and messages name this stub, e.g. {@code #3 exec dash-data …}. */
  public String description() {
    return spec().description();
  }

  @Override
  public String toString() {
    return "Stub " + description();
  }

  Spec spec() {
    synchronized (owner.lock) {
      return spec;
    }
  }

  private Spec withReplies(List<Reply> replies) {
    return new Spec(spec.id(), spec.pattern(), replies, spec.requiredState(), spec.nextState());
  }
}
