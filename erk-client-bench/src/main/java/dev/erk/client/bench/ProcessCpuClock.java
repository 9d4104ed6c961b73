package dev.erk.client.bench;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.time.Duration;

/**
 * The CPU time this JVM has used, all threads together (live and ended, Java and VM threads).
 *
 * <p>On 64-bit Linux it is {@code clock_gettime(CLOCK_PROCESS_CPUTIME_ID)} through JNA (which
 * NuProcess already loads): nanosecond resolution. The JDK's own readings, {@code
 * ProcessHandle.current().info().totalCpuDuration()} and {@code
 * com.sun.management.OperatingSystemMXBean#getProcessCpuTime}, come from {@code /proc/self/stat}
 * and {@code times()}, counted in 10 ms clock ticks: a JVM that idles at 2 ms/s moves them by zero
 * or one tick in a 1 s window, which makes a ratio noise. They are the fallback elsewhere, and
 * {@link #ticks()} serves as a cross-check over many windows.
 */
final class ProcessCpuClock {
  private static final int CLOCK_PROCESS_CPUTIME_ID = 2;

  private final boolean nativeClock;

  private ProcessCpuClock(boolean nativeClock) {
    this.nativeClock = nativeClock;
  }

  static ProcessCpuClock create() {
    if (!Platform.isLinux() || Native.LONG_SIZE != 8) {
      return new ProcessCpuClock(false);
    }
    try {
      Native.register(LibC.class, Platform.C_LIBRARY_NAME);
      return new ProcessCpuClock(LibC.nanos() > 0);
    } catch (LinkageError | IllegalArgumentException | IllegalStateException e) {
      return new ProcessCpuClock(false);
    }
  }

  /** The process's CPU time so far, in nanoseconds. */
  long nanos() {
    return nativeClock ? LibC.nanos() : ticks();
  }

  /** The JDK's reading: {@code /proc/self/stat}, 10 ms clock ticks on Linux. */
  static long ticks() {
    return ProcessHandle.current()
        .info()
        .totalCpuDuration()
        .map(Duration::toNanos)
        .orElseThrow(() -> new IllegalStateException("this platform reports no process CPU time"));
  }

  String description() {
    return nativeClock
        ? "clock_gettime(CLOCK_PROCESS_CPUTIME_ID) via JNA, ns resolution"
        : "ProcessHandle.info().totalCpuDuration(), clock-tick resolution (JNA clock unavailable)";
  }

  /** JNA direct mapping of libc; registered once by {@link #create()}. */
  private static final class LibC {
    private LibC() {}

    static native int clock_gettime(int clock, long[] timespec);

    static long nanos() {
      long[] timespec = new long[2];
      if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, timespec) != 0) {
        throw new IllegalStateException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed");
      }
      return timespec[0] * 1_000_000_000L + timespec[1];
    }
  }
}
