package dev.erk.client.cli.internal;

import com.sun.jna.Native;
import com.zaxxer.nuprocess.NuProcessBuilder;
import com.zaxxer.nuprocess.internal.BaseEventProcessor;
import com.zaxxer.nuprocess.internal.BasePosixProcess;
import com.zaxxer.nuprocess.internal.IEventProcessor;
import java.lang.System.Logger.Level;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Lets go of what NuProcess and JNA hold outside erk-client's class loader, so that a plugin that
 * loaded erk-client can be unloaded. One-way: afterwards NuProcess can start no process in this
 * class loader, so call it last, once no process runs.
 *
 * <p>NuProcess binds its C functions with JNA's direct mapping ({@code Native.register} in {@code
 * LibC}, {@code LibEpoll}, {@code LibJava10} …), and so does {@link ChildWait} for {@code waitid}.
 * JNA keeps a JNI global reference to every mapped {@link Method}: a garbage-collection root that
 * holds the method's class, hence its class loader, until {@link Native#unregister(Class)}. JNA
 * itself unregisters only when its own {@code Native} class is finalized, which those references
 * prevent. The mapped functions are called by NuProcess's pump threads, which stop {@code
 * com.zaxxer.nuprocess.lingerTimeMs} (2.5 s by default) after their last process; so each pump is
 * first claimed (marked running, so that it can never start again) once its thread has stopped, and
 * its epoll or kqueue descriptor is closed, as NuProcess never closes it.
 */
public final class NativeRelease {
  /** NuProcess 3.0.0's directly mapped classes on Linux and macOS. */
  private static final List<String> DIRECT_MAPPED =
      List.of(
          "com.zaxxer.nuprocess.internal.LibC",
          "com.zaxxer.nuprocess.internal.LibJava8",
          "com.zaxxer.nuprocess.internal.LibJava10",
          "com.zaxxer.nuprocess.linux.LibEpoll",
          "com.zaxxer.nuprocess.osx.LibKevent");

  private static final long POLL_MILLIS = 20;

  private static final Set<Object> claimedPumps =
      Collections.newSetFromMap(new IdentityHashMap<>()); // guarded by NativeRelease.class

  private NativeRelease() {}

  /**
   * Waits up to {@code patience} for NuProcess's pump threads to stop, then releases its native
   * bindings. Does nothing if no process was ever started in this class loader (at most, when
   * another class loader uses JNA, it loads JNA's native part here to find that out). Idempotent; a
   * call that ran out of patience may be repeated.
   *
   * @return true if nothing is left to release; false if a pump thread was still running when
   *     patience ran out (logged at WARNING to {@code dev.erk.client})
   */
  public static synchronized boolean release(Duration patience) {
    // JNA sets this once its native part is loaded, in any class loader: if it is not set,
    // NuProcess never started a process here, and looking further would initialise it.
    if (!Boolean.getBoolean("jna.loaded")) {
      return true;
    }
    List<Class<?>> mapped = registeredClasses();
    if (mapped.isEmpty()) {
      return true;
    }
    List<IEventProcessor<?>> pumps = pumps();
    if (pumps == null) {
      return false;
    }
    long deadline = System.nanoTime() + patience.toNanos();
    for (IEventProcessor<?> pump : pumps) {
      if (claimedPumps.contains(pump)) {
        continue;
      }
      if (!claim(pump, deadline)) {
        warn(
            "a NuProcess pump thread was still running after "
                + patience.toMillis()
                + " ms; its native bindings stay registered and keep erk-client's class loader");
        return false;
      }
      claimedPumps.add(pump);
      closeDescriptor(pump);
    }
    mapped.forEach(Native::unregister);
    return true;
  }

  private static List<Class<?>> registeredClasses() {
    List<Class<?>> registered = new ArrayList<>();
    if (Native.registered(ChildWait.Bound.class)) {
      registered.add(ChildWait.Bound.class);
    }
    for (String name : DIRECT_MAPPED) {
      try {
        Class<?> type = Class.forName(name, false, NuProcessBuilder.class.getClassLoader());
        if (Native.registered(type)) {
          registered.add(type);
        }
      } catch (ClassNotFoundException e) {
        // another NuProcess version: nothing of this name to release
      }
    }
    return registered;
  }

  private static @Nullable List<IEventProcessor<?>> pumps() {
    try {
      Field field = BasePosixProcess.class.getDeclaredField("processors");
      field.setAccessible(true);
      List<IEventProcessor<?>> pumps = new ArrayList<>();
      for (Object pump : (Object[]) field.get(null)) {
        if (pump != null) {
          pumps.add((IEventProcessor<?>) pump);
        }
      }
      return pumps;
    } catch (ReflectiveOperationException | RuntimeException e) {
      warn(
          "this NuProcess version keeps its pump threads elsewhere; its native bindings stay"
              + " registered and keep erk-client's class loader: "
              + e);
      return null;
    }
  }

  /** True once the pump is marked running by this call, which only succeeds while it is idle. */
  private static boolean claim(IEventProcessor<?> pump, long deadline) {
    while (!pump.checkAndSetRunning()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private static void closeDescriptor(IEventProcessor<?> pump) {
    try {
      Method close = BaseEventProcessor.class.getDeclaredMethod("close");
      close.setAccessible(true);
      close.invoke(pump);
    } catch (ReflectiveOperationException | RuntimeException e) {
      warn("could not close a NuProcess pump's descriptor: " + e);
    }
  }

  private static void warn(String message) {
    System.getLogger("dev.erk.client").log(Level.WARNING, message);
  }
}
