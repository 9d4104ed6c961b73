package dev.erk.client.testkit;

import java.lang.ref.Reference;
import java.lang.ref.SoftReference;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.LogManager;
import org.jspecify.annotations.Nullable;

/**
 * Names what keeps a class loader reachable, without a heap dump: from each root that usually pins
 * a plugin (live threads, JVM shutdown hooks, JUL's and System.Logger's registries, JNA's direct
 * mappings), a bounded walk of object fields finds the shortest chain to an object, class or loader
 * that belongs to the plugin.
 *
 * <p>Reads JDK internals reflectively, so the JVM needs {@code --add-opens} for the packages named
 * in {@link PluginUnloadTest}; a field it may not read is skipped.
 */
final class LoaderPins {
  private static final int MAX_DEPTH = 12;
  private static final int MAX_NODES_PER_ROOT = 200_000;

  private final ClassLoader loader;
  private final List<String> pins = new ArrayList<>();
  private final Set<String> unreadable = new TreeSet<>();

  private LoaderPins(ClassLoader loader) {
    this.loader = loader;
  }

  /** One line per chain found from a root to the loader, and one for fields that were skipped. */
  static List<String> of(ClassLoader loader) {
    LoaderPins finder = new LoaderPins(loader);
    finder.threads();
    finder.shutdownHooks();
    finder.loggers();
    finder.jnaDirectMappings();
    if (!finder.unreadable.isEmpty()) {
      finder.pins.add("(not searched, closed to reflection: " + finder.unreadable + ")");
    }
    return finder.pins;
  }

  private void threads() {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String root =
          "live thread \"" + thread.getName() + "\"" + (thread.isDaemon() ? " (daemon)" : "");
      walk(root, thread);
      for (StackTraceElement frame : thread.getStackTrace()) {
        if (PluginHost.LOADER_NAME.equals(frame.getClassLoaderName())) {
          pins.add(root + " is running plugin code: " + frame);
          break;
        }
      }
    }
  }

  private void shutdownHooks() {
    Object hooks = staticField("java.lang.ApplicationShutdownHooks", "hooks");
    if (hooks instanceof Map<?, ?> map) {
      for (Object hook : map.keySet()) {
        walk("JVM shutdown hook \"" + ((Thread) hook).getName() + "\"", hook);
      }
    }
  }

  private void loggers() {
    walk("java.util.logging.LogManager", LogManager.getLogManager());
    walk("System.LoggerFinder", System.LoggerFinder.getLoggerFinder());
  }

  /** JNA keeps a JNI global reference to every method it maps directly: a root no walk can see. */
  private void jnaDirectMappings() {
    Class<?> nativeClass;
    try {
      nativeClass = Class.forName("com.sun.jna.Native", false, loader);
    } catch (ClassNotFoundException e) {
      return;
    }
    Object registered = staticField(nativeClass, "registeredClasses");
    if (registered instanceof Map<?, ?> map && !map.isEmpty()) {
      List<String> names = new ArrayList<>();
      map.keySet().forEach(type -> names.add(((Class<?>) type).getName()));
      pins.add(
          "JNI global references held by JNA's direct mapping (Native.register) to methods of "
              + names
              + ": released only by Native.unregister");
    }
  }

  private @Nullable Object staticField(String className, String name) {
    try {
      return staticField(Class.forName(className), name);
    } catch (ClassNotFoundException e) {
      unreadable.add(className);
      return null;
    }
  }

  private @Nullable Object staticField(Class<?> owner, String name) {
    try {
      Field field = owner.getDeclaredField(name);
      field.setAccessible(true);
      return field.get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      unreadable.add(owner.getName() + "." + name);
      return null;
    }
  }

  /** Breadth first, so the chain reported is the shortest; stops at the plugin's objects. */
  private void walk(String root, Object start) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Step> queue = new ArrayDeque<>();
    seen.add(start);
    queue.add(new Step(start, null, "", 0, false));
    while (!queue.isEmpty() && seen.size() < MAX_NODES_PER_ROOT) {
      Step step = queue.poll();
      if (step.parent != null && belongsToPlugin(step.node)) {
        pins.add(root + step.chain() + " -> " + describe(step.node) + (step.soft ? " [soft]" : ""));
        continue;
      }
      if (step.depth >= MAX_DEPTH || !worthExpanding(step.node, start)) {
        continue;
      }
      for (Map.Entry<String, Object> edge : edges(step.node).entrySet()) {
        if (seen.add(edge.getValue())) {
          boolean soft =
              step.soft
                  || (step.node instanceof SoftReference<?> && edge.getKey().equals(".referent"));
          queue.add(new Step(edge.getValue(), step, edge.getKey(), step.depth + 1, soft));
        }
      }
    }
  }

  private boolean belongsToPlugin(Object node) {
    if (node == loader) {
      return true;
    }
    Class<?> type = node instanceof Class<?> c ? c : node.getClass();
    while (type.isArray()) {
      type = type.getComponentType();
    }
    return type.getClassLoader() == loader;
  }

  /**
   * Classes hold no statics as fields; other loaders and threads are large and are roots of their
   * own.
   */
  private static boolean worthExpanding(Object node, Object start) {
    return !(node instanceof Class<?>
        || node instanceof ClassLoader
        || node instanceof ThreadGroup
        || (node instanceof Thread && node != start));
  }

  private Map<String, Object> edges(Object node) {
    Map<String, Object> edges = new LinkedHashMap<>();
    Class<?> type = node.getClass();
    if (type.isArray()) {
      if (!type.getComponentType().isPrimitive()) {
        for (int i = 0; i < Array.getLength(node); i++) {
          Object element = Array.get(node, i);
          if (element != null) {
            edges.put("[" + i + "]", element);
          }
        }
      }
      return edges;
    }
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())
            || field.getType().isPrimitive()
            || isWeakReferent(node, field)) {
          continue;
        }
        try {
          field.setAccessible(true);
          Object value = field.get(node);
          if (value != null) {
            edges.putIfAbsent("." + field.getName(), value);
          }
        } catch (ReflectiveOperationException | RuntimeException e) {
          unreadable.add(c.getPackageName());
        }
      }
    }
    return edges;
  }

  /** A weak or phantom referent keeps nothing alive; a soft one does until memory runs low. */
  private static boolean isWeakReferent(Object node, Field field) {
    return node instanceof Reference<?>
        && !(node instanceof SoftReference<?>)
        && field.getDeclaringClass() == Reference.class
        && field.getName().equals("referent");
  }

  private static String describe(Object node) {
    if (node instanceof Class<?> c) {
      return "class " + c.getName();
    }
    if (node instanceof ClassLoader) {
      return "the plugin's class loader itself";
    }
    return "a " + node.getClass().getName();
  }

  /** An object reached by the walk, and how. */
  private record Step(Object node, @Nullable Step parent, String field, int depth, boolean soft) {
    String chain() {
      StringBuilder path = new StringBuilder();
      for (Step step = this; step.parent != null; step = step.parent) {
        path.insert(0, step.field).insert(0, " " + step.parent.node.getClass().getSimpleName());
      }
      return path.toString();
    }
  }
}
