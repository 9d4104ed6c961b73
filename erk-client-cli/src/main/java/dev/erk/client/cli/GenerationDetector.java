package dev.erk.client.cli;

import dev.erk.client.ActionRequest;
import dev.erk.client.ErkGeneration;
import dev.erk.client.ErkUnsupportedActionException;
import dev.erk.client.ErkVersion;
import dev.erk.client.PlanList;
import dev.erk.client.cli.internal.Contained;
import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Decides which erk generation's command names a client uses, once per client and only when it
 * matters.
 *
 * <p>In order: the generation pinned in the builder; the row schema of a dash-data answer the
 * client has decoded; else, when a request's argv differs between generations, {@code erk
 * --version}: below 0.9.0 is {@link ErkGeneration#V0_7}, below 0.9.11 is {@link
 * ErkGeneration#V0_9_0}, above it {@link ErkGeneration#CURRENT}. Since the v0.9.11 release and the
 * work after it both say {@code 0.9.11}, that version is settled by whether {@code erk exec
 * land-execute --help} offers {@code --linked-pr-number}. If erk cannot say, the current generation
 * is assumed and a warning logged.
 */
final class GenerationDetector {
  private final @Nullable ErkGeneration pinned;
  private final Supplier<CompletableFuture<ErkVersion>> version;
  private final Supplier<CompletableFuture<Collected>> landHelp;
  private final System.Logger logger;
  private volatile @Nullable ErkGeneration fromRows;
  private volatile @Nullable ErkGeneration detected;
  private @Nullable CompletableFuture<ErkGeneration> attempt;

  GenerationDetector(
      @Nullable ErkGeneration pinned,
      Supplier<CompletableFuture<ErkVersion>> version,
      Supplier<CompletableFuture<Collected>> landHelp,
      System.Logger logger) {
    this.pinned = pinned;
    this.version = version;
    this.landHelp = landHelp;
    this.logger = logger;
  }

  /** Notes the schema of a decoded dash-data answer. */
  void observed(PlanList plans) {
    ErkGeneration generation = plans.generation();
    if (generation != null) {
      fromRows = generation;
    }
  }

  /** The generation to build this request's argv for; completes at once when it is known. */
  CompletableFuture<ErkGeneration> forRequest(ActionRequest request) {
    ErkGeneration known = known();
    if (known != null) {
      return CompletableFuture.completedFuture(known);
    }
    if (request instanceof ActionRequest.CustomCommand || sameInEveryGeneration(request)) {
      return CompletableFuture.completedFuture(ErkGeneration.CURRENT);
    }
    return detect();
  }

  /**
   * The generation, detecting it if it is not known yet. Concurrent callers share one attempt, but
   * each gets its own future: cancelling it, or interrupting a thread that waits for it, leaves the
   * attempt running for the others. A failed attempt is not kept: the next call tries again.
   */
  CompletableFuture<ErkGeneration> detect() {
    ErkGeneration known = known();
    if (known != null) {
      return CompletableFuture.completedFuture(known);
    }
    CompletableFuture<ErkGeneration> shared;
    boolean started = false;
    synchronized (this) {
      if (attempt == null) {
        attempt = new CompletableFuture<>();
        started = true;
      }
      shared = attempt;
    }
    if (started) {
      CompletableFuture<ErkGeneration> mine = shared;
      CompletableFuture<ErkGeneration> run;
      try {
        run = version.get().thenCompose(this::byVersion);
      } catch (Throwable e) {
        run = CompletableFuture.failedFuture(e);
      }
      Contained.whenDone(
          run,
          (generation, error) -> {
            synchronized (this) {
              if (error == null) {
                detected = generation;
              }
              if (attempt == mine) {
                attempt = null;
              }
            }
            if (error != null) {
              mine.completeExceptionally(error);
            } else {
              mine.complete(generation);
            }
          });
    }
    return shared.handle(
        (generation, error) -> {
          if (error == null) {
            return generation;
          }
          // One line: the cause names the command and what went wrong; its trace says nothing more
          // to the reader of a warning.
          logger.log(
              Level.WARNING,
              "could not detect the erk generation ("
                  + Futures.typed(Futures.unwrap(error), List.of("erk", "--version")).getMessage()
                  + "); using the current one (pin it with CliErkClient.builder().generation(…))");
          logger.log(Level.DEBUG, "generation detection failed", error);
          return ErkGeneration.CURRENT;
        });
  }

  private @Nullable ErkGeneration known() {
    if (pinned != null) {
      return pinned;
    }
    ErkGeneration rows = fromRows;
    return rows != null ? rows : detected;
  }

  private CompletableFuture<ErkGeneration> byVersion(ErkVersion v) {
    if (!v.isAtLeast(0, 9, 0)) {
      return CompletableFuture.completedFuture(ErkGeneration.V0_7);
    }
    if (!v.isAtLeast(0, 9, 11)) {
      return CompletableFuture.completedFuture(ErkGeneration.V0_9_0);
    }
    if (v.isAtLeast(0, 9, 12)) {
      return CompletableFuture.completedFuture(ErkGeneration.CURRENT);
    }
    return landHelp
        .get()
        .handle(
            (help, error) -> {
              if (error != null) {
                logger.log(
                    Level.DEBUG, "could not tell erk 0.9.11 builds apart; assuming current", error);
                return ErkGeneration.CURRENT;
              }
              String text = help.stdoutText() + help.stderr();
              return text.contains("--linked-pr-number")
                  ? ErkGeneration.CURRENT
                  : ErkGeneration.V0_9_11;
            });
  }

  private static boolean sameInEveryGeneration(ActionRequest request) {
    Set<List<String>> variants = new HashSet<>();
    for (ErkGeneration generation : ErkGeneration.values()) {
      try {
        variants.add(request.arguments(generation));
      } catch (ErkUnsupportedActionException | IllegalArgumentException e) {
        variants.add(List.of("unsupported", Objects.toString(generation)));
      }
      if (variants.size() > 1) {
        return false;
      }
    }
    return true;
  }
}
