package dev.erk.client.testkit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The JVM of an IDE, reduced to what matters for unloading a plugin: it loads erk-client and its
 * dependencies in a class loader of their own (parent: the platform loader), runs {@link
 * PluginProbe} there on its main thread, which lives on like an IDE's UI thread, closes the loader
 * and waits for it to be collected. If it is not, it prints what holds it ({@link LoaderPins}).
 *
 * <p>Run by {@link PluginUnloadTest} in a JVM of its own, whose class path has no erk-client.
 * Arguments: probe directory, erk executable, working directory, release hook, context loader
 * ({@code unrelated} or {@code plugin}), milliseconds to wait, then the plugin's class path. Exit
 * status: 0 unloaded, 1 still reachable, 2 the probe failed.
 */
final class PluginHost {
  /** The plugin loader's name, which stack frames of its classes carry. */
  static final String LOADER_NAME = "erk-plugin";

  private static final String PROBE = "dev.erk.client.testkit.PluginProbe";

  /** Allocation between collections, kept in a field so that it cannot be optimised away. */
  @SuppressWarnings("unused")
  private static volatile byte[] garbage = new byte[0];

  private PluginHost() {}

  public static void main(String[] args) throws Exception {
    List<URL> classPath = new ArrayList<>();
    classPath.add(Path.of(args[0]).toUri().toURL());
    for (String entry : Arrays.asList(args).subList(5, args.length)) {
      classPath.add(Path.of(entry).toUri().toURL());
    }
    WeakReference<ClassLoader> plugin;
    try {
      plugin = runPlugin(classPath.toArray(new URL[0]), args[1], args[2], args[3].equals("plugin"));
    } catch (ProbeFailed e) {
      System.out.println("PROBE FAILED: " + e.getMessage());
      System.out.flush();
      System.exit(2);
      return;
    }
    long closed = System.nanoTime();
    long waited = awaitCollected(plugin, Long.parseLong(args[4]));
    ClassLoader pinned = plugin.get();
    if (pinned == null) {
      System.out.println("UNLOADED " + waited + " ms after the loader was closed");
      System.out.flush();
      System.exit(0);
      return;
    }
    System.out.println(
        "PINNED: the plugin's class loader is still reachable "
            + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closed)
            + " ms after it was closed."
            + " What holds it:");
    LoaderPins.of(pinned).forEach(pin -> System.out.println("  " + pin));
    System.out.flush();
    System.exit(1);
  }

  /** Runs the probe in a fresh plugin loader, closes it and returns nothing but a weak handle. */
  private static WeakReference<ClassLoader> runPlugin(
      URL[] classPath, String executable, String directory, boolean pluginIsContextLoader)
      throws Exception {
    URLClassLoader loader =
        new URLClassLoader(LOADER_NAME, classPath, ClassLoader.getPlatformClassLoader());
    URLClassLoader unrelated =
        new URLClassLoader("unrelated", new URL[0], ClassLoader.getPlatformClassLoader());
    Thread current = Thread.currentThread();
    ClassLoader original = current.getContextClassLoader();
    current.setContextClassLoader(pluginIsContextLoader ? loader : unrelated);
    try {
      Callable<?> probe =
          (Callable<?>)
              loader
                  .loadClass(PROBE)
                  .getConstructor(String.class, String.class)
                  .newInstance(executable, directory);
      System.out.print(probe.call());
    } catch (Exception e) {
      // The exception's stack trace refers to the plugin's classes: keep only its text.
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      throw new ProbeFailed(trace.toString());
    } finally {
      current.setContextClassLoader(original);
      loader.close();
      unrelated.close();
    }
    return new WeakReference<>(loader);
  }

  /** Collects garbage until the loader is gone or time is up; returns the milliseconds spent. */
  private static long awaitCollected(WeakReference<ClassLoader> plugin, long timeoutMillis)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (plugin.get() != null && System.nanoTime() < deadline) {
      System.gc();
      for (int i = 0; i < 8; i++) {
        garbage = new byte[1 << 20];
      }
      Thread.sleep(100);
    }
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  /** The probe failed; the message is its stack trace, the exception itself is gone. */
  private static final class ProbeFailed extends Exception {
    private static final long serialVersionUID = 1L;

    ProbeFailed(String trace) {
      super(trace, null, false, false);
    }
  }
}
