package dev.erk.examples;

import dev.erk.client.ErkClient;
import dev.erk.client.details.CiSummaries;
import dev.erk.client.details.DetailQuery;
import dev.erk.client.details.PlanLog;
import dev.erk.client.details.PullRequestView;
import dev.erk.client.details.ReviewThread;
import dev.erk.client.details.ReviewThreads;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code Dashboard --pr N}: a plan's detail panel, from four detail queries run concurrently (the
 * PR, its unresolved review threads, its CI failure summaries and its event log).
 */
final class PlanDetail {
  private PlanDetail() {}

  static void print(ErkClient erk, int pr, PrintStream out) {
    CompletableFuture<PullRequestView> view = erk.fetchAsync(DetailQuery.pullRequest(pr));
    CompletableFuture<ReviewThreads> threads = erk.fetchAsync(DetailQuery.reviewThreads(pr));
    CompletableFuture<CiSummaries> ci = erk.fetchAsync(DetailQuery.ciSummaries(pr));
    CompletableFuture<PlanLog> log = erk.fetchAsync(DetailQuery.planLog(pr));
    PullRequestView p = join(view);
    out.println("PR #" + p.number() + "  " + p.title());
    out.println(
        "  state: "
            + p.state()
            + (p.draft() ? " (draft)" : "")
            + ", mergeable: "
            + p.mergeable()
            + ", merge state: "
            + p.mergeStateStatus());
    out.println(
        "  "
            + p.headRefName()
            + " -> "
            + p.baseRefName()
            + ", by "
            + p.author()
            + ", labels "
            + String.join(", ", p.labels()));
    CiSummaries summaries = join(ci);
    out.println(
        summaries.isEmpty()
            ? "Checks: no CI failure summaries"
            : "Checks: " + summaries.summaries().size() + " failing");
    for (Map.Entry<String, String> check : summaries.summaries().entrySet()) {
      out.println("  " + check.getKey() + ": " + lastLine(check.getValue()));
    }
    ReviewThreads open = join(threads);
    out.println("Unresolved review threads: " + open.threads().size());
    for (ReviewThread thread : open.threads()) {
      ReviewThread.Comment first = thread.comments().isEmpty() ? null : thread.comments().get(0);
      out.println(
          "  "
              + thread.location()
              + (thread.outdated() ? " (outdated)" : "")
              + (first == null
                  ? ""
                  : "  " + first.author() + ": " + Failures.oneLine(first.body())));
    }
    PlanLog events = join(log);
    out.println("Event log: " + events.events().size() + " events");
    for (PlanLog.Event event : events.events()) {
      out.println("  " + event.timestamp() + "  " + event.eventType() + " " + event.metadata());
    }
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n", -1);
    return Failures.oneLine(lines[lines.length - 1]);
  }

  /** Waits like a blocking call: an erk failure is rethrown as itself. */
  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
