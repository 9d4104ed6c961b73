package dev.erk.client.cli.internal;

import com.zaxxer.nuprocess.NuProcessBuilder;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Loads NuProcess so that loading it leaves the host JVM as it was: SIGPIPE keeps the JVM's
 * handler, and NuProcess adds no shutdown hook.
 *
 * <p>Why: the static initializer of NuProcess 3.0.0's {@code LinuxProcess} sets SIGPIPE to
 * "ignored" for the whole JVM. HotSpot installs a SIGPIPE <em>handler</em> instead (a write to a
 * pipe without readers then fails with {@code EPIPE} rather than ending the JVM), and a handler is
 * reset to the default across {@code exec} while "ignored" is inherited. Left alone, every child
 * the JVM starts afterwards (erk, erk's children, and the host's own {@code ProcessBuilder}
 * children) runs with SIGPIPE ignored: {@code yes | head -n1} then has {@code yes} fail with
 * "Broken pipe" instead of ending quietly with status 141. And the static initializer of {@code
 * BasePosixProcess} (of {@code WindowsProcess} on Windows) adds a shutdown hook unless the system
 * property {@code com.zaxxer.nuprocess.enableShutdownHook} is {@code false} at that moment. That
 * hook sends SIGTERM to every process NuProcess runs, before erk-client's own hook ({@code
 * ChildRegistry}) can walk erk's process tree, and it keeps this class loader from being unloaded.
 *
 * <p>What {@link #ensureLoaded()} does:
 *
 * <ul>
 *   <li>Linux on x86_64 and aarch64: reads SIGPIPE's whole disposition with {@code sigaction}
 *       (handler, flags and mask; see {@code SignalDisposition}), sets the property to {@code
 *       false} if the host has not set it, initializes {@code LinuxProcess}, writes the saved
 *       disposition back and clears the property again. The JVM's handler is back, and NuProcess's
 *       own writes to a closed stdin still fail with {@code EPIPE}.
 *   <li>macOS: the same with {@code OsxProcess}, which leaves SIGPIPE alone (there NuProcess relies
 *       on the JVM's handler), so saving and restoring it changes nothing. {@code OsxProcess} does
 *       set SIGUSR2 to "ignored", and that is kept: NuProcess wakes its kqueue threads with
 *       SIGUSR2, which would end the JVM under the default action. Children started afterwards on
 *       macOS inherit SIGUSR2 ignored.
 *   <li>Windows: the property only, around the initialization of {@code WindowsProcess}.
 *   <li>Other Linux architectures and FreeBSD (where NuProcess uses {@code OsxProcess}): the
 *       property only, and one DEBUG line saying that SIGPIPE is not restored, because the layout
 *       of {@code struct sigaction} there is not known here. On those Linux systems SIGPIPE stays
 *       ignored as NuProcess leaves it.
 *   <li>Any other system: nothing; {@link NuProcessBuilder} refuses to run there anyway.
 * </ul>
 *
 * <p>What remains: from NuProcess's {@code sigignore} to the restore, that is for the rest of
 * {@code LinuxProcess}'s static initializer (it creates its epoll instances; the classes it needs
 * are initialized beforehand to keep this short: about half a millisecond here), SIGPIPE is ignored
 * in the whole JVM, so a process that another host thread starts in that moment starts with SIGPIPE
 * ignored. A host thread that reads the property during the initialization sees {@code false}. If
 * the host initialized NuProcess itself before erk-client, SIGPIPE is already ignored when it is
 * read here and stays so: that was the host's doing, and so is its shutdown hook. A host that sets
 * the property itself, to anything, keeps its value and gets the hook it asked for.
 */
public final class NuProcessLoading {
  static final String HOOK_PROPERTY = "com.zaxxer.nuprocess.enableShutdownHook";

  private static final System.Logger LOGGER = System.getLogger(NuProcessLoading.class.getName());
  private static final Object LOCK = new Object();
  private static volatile boolean loaded;

  private NuProcessLoading() {}

  /**
   * Initializes NuProcess's process class for this platform as described above, once. Thread safe;
   * after the first successful call it costs one volatile read.
   *
   * <p>Errors from JNA or NuProcess ({@link NoClassDefFoundError}, {@link UnsatisfiedLinkError},
   * {@link ExceptionInInitializerError}, JNA's {@link Error} about an incompatible native library)
   * propagate unchanged, after the property and SIGPIPE have been put back. A later call tries
   * again, and then usually fails with {@link NoClassDefFoundError}, because the JVM does not run a
   * failed class initializer twice.
   */
  public static void ensureLoaded() {
    if (loaded) {
      return;
    }
    synchronized (LOCK) {
      if (!loaded) {
        load();
        loaded = true;
      }
    }
  }

  private static void load() {
    Optional<Target> target = Target.current();
    if (target.isEmpty()) {
      return;
    }
    for (String helper : target.get().initializeFirst()) {
      initialize(helper);
    }
    SignalDisposition sigpipe = target.get().posix ? savedSigpipe() : null;
    boolean setProperty = System.getProperty(HOOK_PROPERTY) == null;
    if (setProperty) {
      System.setProperty(HOOK_PROPERTY, "false");
    }
    try {
      initialize(target.get().processClass);
    } catch (Throwable failure) {
      try {
        undo(setProperty, sigpipe);
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
      throw failure;
    }
    undo(setProperty, sigpipe);
  }

  private static @Nullable SignalDisposition savedSigpipe() {
    Optional<SignalDisposition.Layout> layout = SignalDisposition.Layout.current();
    if (layout.isEmpty()) {
      LOGGER.log(
          Level.DEBUG,
          "SIGPIPE is not saved and restored around loading NuProcess: the"
              + " layout of struct sigaction is not known for "
              + System.getProperty("os.name")
              + " on "
              + System.getProperty("os.arch"));
      return null;
    }
    SignalDisposition saved = SignalDisposition.read(SignalDisposition.SIGPIPE, layout.get());
    if (saved.isIgnored()) {
      LOGGER.log(Level.DEBUG, "SIGPIPE was ignored before erk-client loaded NuProcess: it stays");
    }
    return saved;
  }

  private static void initialize(String className) {
    try {
      Class.forName(className, true, NuProcessBuilder.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      NoClassDefFoundError error = new NoClassDefFoundError(className);
      error.initCause(e);
      throw error;
    }
  }

  private static void undo(boolean setProperty, @Nullable SignalDisposition sigpipe) {
    try {
      if (sigpipe != null) {
        sigpipe.restore();
      }
    } finally {
      if (setProperty && "false".equals(System.getProperty(HOOK_PROPERTY))) {
        System.clearProperty(HOOK_PROPERTY);
      }
    }
  }

  /** NuProcess's process class for this system, chosen as {@link NuProcessBuilder} chooses it. */
  private enum Target {
    LINUX("com.zaxxer.nuprocess.linux.LinuxProcess", true),
    MAC_OR_FREEBSD("com.zaxxer.nuprocess.osx.OsxProcess", true),
    WINDOWS("com.zaxxer.nuprocess.windows.WindowsProcess", false);

    final String processClass;
    final boolean posix;

    Target(String processClass, boolean posix) {
      this.processClass = processClass;
      this.posix = posix;
    }

    /**
     * Classes that {@code LinuxProcess}'s initializer loads after it ignores SIGPIPE. Initialized
     * before it, their class loading and JNA's structure layout fall outside that window.
     */
    List<String> initializeFirst() {
      if (this != LINUX) {
        return List.of();
      }
      return List.of(
          "com.zaxxer.nuprocess.linux.ProcessEpoll", "com.zaxxer.nuprocess.linux.EpollEvent");
    }

    static Optional<Target> current() {
      String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
      if (os.contains("mac") || os.contains("freebsd")) {
        return Optional.of(MAC_OR_FREEBSD);
      } else if (os.contains("win")) {
        return Optional.of(WINDOWS);
      } else if (os.contains("linux")) {
        return Optional.of(LINUX);
      }
      return Optional.empty();
    }
  }
}
