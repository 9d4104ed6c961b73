package dev.erk.client.cli.internal;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.util.OptionalInt;

/**
 * A child's wait status read with {@code waitid(2)} and {@code WNOWAIT}: exact, and without reaping
 * the child, which stays NuProcess's to reap. Unlike reading {@code /proc/<pid>/stat}, it leaves no
 * {@code /proc} entries behind that the kernel must then invalidate when the child is reaped, which
 * cost about as much again as the read itself.
 *
 * <p>Only for 64-bit Linux on x86-64 and aarch64, whose {@code siginfo_t} layout is known here;
 * elsewhere {@link #isAvailable()} is false. A child is waitable only once its exit is complete, a
 * moment after it closed its descriptors: {@link #exitCode} may still be empty when its pipes have
 * just ended, while {@link ProcStat} already has the status.
 */
final class ChildWait {
  private static final int P_PID = 1;
  private static final int WNOHANG = 0x1;
  private static final int WEXITED = 0x4;
  private static final int WNOWAIT = 0x0100_0000;

  /** {@code si_code} values of {@code SIGCHLD}. */
  private static final int CLD_EXITED = 1;

  private static final int CLD_KILLED = 2;
  private static final int CLD_DUMPED = 3;

  /**
   * {@code siginfo_t} is 128 bytes; on 64-bit Linux {@code si_code} is at byte 8 and, for {@code
   * SIGCHLD}, {@code si_pid} at 16 and {@code si_status} at 24 (int indexes 2, 4 and 6).
   */
  private static final int SIGINFO_INTS = 32;

  private static final int CODE = 2;
  private static final int PID = 4;
  private static final int STATUS = 6;

  private static final boolean BOUND = bind();

  private ChildWait() {}

  static boolean isAvailable() {
    return BOUND;
  }

  /**
   * The exit code ({@code 128 + signal} for a signal death) of this JVM's child {@code pid} if it
   * has exited and not been reaped; empty while it runs, once it is reaped, if {@code pid} is not a
   * child of this JVM, or where {@code waitid} is not available.
   */
  static OptionalInt exitCode(long pid) {
    if (!BOUND || pid <= 0 || pid > Integer.MAX_VALUE) {
      return OptionalInt.empty();
    }
    int[] info = new int[SIGINFO_INTS];
    int result;
    try {
      result = Bound.waitid(P_PID, (int) pid, info, WEXITED | WNOHANG | WNOWAIT);
    } catch (RuntimeException | LinkageError e) {
      // Runs on NuProcess's pump thread: never throw there; /proc is the fallback. Unbound by
      // NativeRelease, the call throws UnsatisfiedLinkError.
      return OptionalInt.empty();
    }
    if (result != 0 || info[PID] != pid) {
      // -1: not a child (already reaped); si_pid 0: WNOHANG found it still running.
      return OptionalInt.empty();
    }
    return switch (info[CODE]) {
      case CLD_EXITED -> OptionalInt.of(info[STATUS]);
      case CLD_KILLED, CLD_DUMPED -> OptionalInt.of(128 + info[STATUS]);
      default -> OptionalInt.empty();
    };
  }

  @SuppressWarnings("IllegalCatch") // a missing or broken JNA only means /proc is read instead
  private static boolean bind() {
    try {
      if (!Platform.isLinux()
          || Platform.isAndroid()
          || !(Platform.ARCH.equals("x86-64") || Platform.ARCH.equals("aarch64"))) {
        return false;
      }
      Native.register(Bound.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
      return true;
    } catch (Throwable e) {
      // No JNA, no native part of it, or no waitid: the exit status comes from /proc instead.
      return false;
    }
  }

  /**
   * {@code waitid(2)} bound with JNA's direct mapping, as NuProcess binds its own C functions: a
   * plain JNI call, where {@code Function.invoke} boxed, checked and converted every argument (7 %
   * of the pump thread's time). Registered natives hold this class's loader until {@link
   * NativeRelease} unregisters them.
   */
  static final class Bound {
    private Bound() {}

    static native int waitid(int idType, int id, int[] info, int options);
  }
}
