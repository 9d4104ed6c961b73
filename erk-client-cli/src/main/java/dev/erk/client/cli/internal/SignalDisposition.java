package dev.erk.client.cli.internal;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The whole disposition of one signal (handler, flags and mask) as the C library's {@code
 * sigaction(2)} reads it, kept so that it can be written back exactly. Only where the layout of
 * {@code struct sigaction} is known here: see {@link Layout#current()}.
 */
final class SignalDisposition {
  /** SIGPIPE's number on Linux and macOS. */
  static final int SIGPIPE = 13;

  private static final long SIG_IGN = 1;

  /** The C library's {@code struct sigaction}: its size, and where the flags and mask sit. */
  enum Layout {
    /**
     * glibc and musl on x86_64 and aarch64: the handler (8 bytes), a 1024-bit {@code sigset_t} mask
     * (128), {@code int sa_flags}, 4 bytes of padding, {@code sa_restorer} (8).
     */
    LINUX_64(152, 136),
    /** macOS on x86_64 and arm64: the handler (8 bytes), a 32-bit mask, {@code int sa_flags}. */
    MACOS_64(16, 12);

    final int size;
    final int flagsOffset;

    Layout(int size, int flagsOffset) {
      this.size = size;
      this.flagsOffset = flagsOffset;
    }

    /**
     * The layout of this platform, or empty where it is not known here: other Linux architectures
     * (mips, for one, puts the flags first), Android's bionic, 32-bit systems, and FreeBSD, whose
     * mask is 128 bits and comes after the flags.
     */
    static Optional<Layout> current() {
      if (Platform.isLinux()
          && !Platform.isAndroid()
          && (Platform.ARCH.equals("x86-64") || Platform.ARCH.equals("aarch64"))) {
        return Optional.of(LINUX_64);
      }
      if (Platform.isMac() && Platform.is64Bit()) {
        return Optional.of(MACOS_64);
      }
      return Optional.empty();
    }
  }

  private final Function sigaction;
  private final int signal;
  private final Layout layout;
  private final Memory action;

  private SignalDisposition(Function sigaction, int signal, Layout layout, Memory action) {
    this.sigaction = sigaction;
    this.signal = signal;
    this.layout = layout;
    this.action = action;
  }

  /**
   * Reads the current disposition of {@code signal}.
   *
   * @throws IllegalStateException if {@code sigaction} fails
   * @throws UnsatisfiedLinkError if JNA or the C library cannot be loaded
   */
  static SignalDisposition read(int signal, Layout layout) {
    Function sigaction =
        NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("sigaction");
    Memory action = new Memory(layout.size);
    action.clear();
    call(sigaction, signal, null, action);
    return new SignalDisposition(sigaction, signal, layout, action);
  }

  /**
   * Makes this the disposition of its signal again.
   *
   * @throws IllegalStateException if {@code sigaction} fails
   */
  void restore() {
    call(sigaction, signal, action, null);
  }

  boolean isIgnored() {
    return action.getLong(0) == SIG_IGN;
  }

  @Override
  public String toString() {
    return "signal "
        + signal
        + ": handler 0x"
        + Long.toHexString(action.getLong(0))
        + ", flags 0x"
        + Integer.toHexString(action.getInt(layout.flagsOffset));
  }

  private static void call(
      Function sigaction, int signal, @Nullable Memory act, @Nullable Memory oldAct) {
    if (sigaction.invokeInt(new Object[] {signal, act, oldAct}) != 0) {
      throw new IllegalStateException(
          "sigaction(" + signal + ") failed, errno " + Native.getLastError());
    }
  }
}
