package dev.erk.client.cli.internal;

import com.zaxxer.nuprocess.NuProcess;
import com.zaxxer.nuprocess.NuProcessBuilder;
import java.util.function.Consumer;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Takes the exception NuProcess logs, instead of throwing, when it cannot start a process.
 *
 * <p>NuProcess 3 catches a failed {@code fork}/{@code exec} or {@code pipe} in {@code
 * LinuxProcess.start}, logs it with its stack trace at WARNING ("Failed to start process", after
 * "Error creating pipes" at SEVERE when a pipe could not be made), calls the handler's {@code
 * onExit(Integer.MIN_VALUE)} and returns as if nothing happened. A filter on its logger takes those
 * two records while the current thread is inside {@link #start}: the exception goes to the caller,
 * the record is dropped. Every other record, and these on other threads (a host that uses NuProcess
 * itself), goes on to the filter that was there before, or is logged.
 */
final class NuProcessStartLog implements Filter {
  private static final String FAILED_TO_START = "Failed to start process";
  private static final String PIPES_FAILED = "Error creating pipes";

  /** Held here: a logger nobody references may be collected, and its filter with it. */
  private static final Logger LOGGER =
      Logger.getLogger("com.zaxxer.nuprocess.internal.BasePosixProcess");

  private static final ThreadLocal<@Nullable Attempt> ATTEMPT = new ThreadLocal<>();

  static {
    LOGGER.setFilter(new NuProcessStartLog(LOGGER.getFilter()));
  }

  private final @Nullable Filter next;

  private NuProcessStartLog(@Nullable Filter next) {
    this.next = next;
  }

  /** See {@link StartFailures#start}. */
  static @Nullable NuProcess start(NuProcessBuilder builder, Consumer<Throwable> onFailure) {
    Attempt attempt = new Attempt(onFailure);
    Attempt outer = ATTEMPT.get();
    ATTEMPT.set(attempt);
    NuProcess process = null;
    try {
      process = builder.start();
    } catch (RuntimeException e) {
      attempt.fail(e);
    } finally {
      ATTEMPT.set(outer);
    }
    attempt.finish();
    return attempt.failed ? null : process;
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    Attempt attempt = ATTEMPT.get();
    Throwable thrown = record.getThrown();
    if (attempt != null && thrown != null) {
      if (FAILED_TO_START.equals(record.getMessage())) {
        // NuProcess calls onExit right after this record: the caller hears of it first.
        attempt.fail(thrown);
        return false;
      }
      if (PIPES_FAILED.equals(record.getMessage())) {
        attempt.pending = thrown;
        return false;
      }
    }
    return next == null || next.isLoggable(record);
  }

  private static final class Attempt {
    private final Consumer<Throwable> onFailure;
    private @Nullable Throwable pending;
    private boolean failed;

    Attempt(Consumer<Throwable> onFailure) {
      this.onFailure = onFailure;
    }

    void fail(Throwable cause) {
      if (!failed) {
        failed = true;
        onFailure.accept(cause);
      }
    }

    /** A pipe failure seen without the start failure that normally follows it. */
    void finish() {
      Throwable cause = pending;
      if (cause != null) {
        fail(cause);
      }
    }
  }
}
