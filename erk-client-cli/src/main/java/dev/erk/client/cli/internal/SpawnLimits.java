package dev.erk.client.cli.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The kernel limits a spawn can run into, read from Linux's {@code /proc/self}. Elsewhere every
 * value is empty: no limit is checked in advance, and a failure is reported with less detail.
 *
 * <p>The numbers follow Linux's {@code fs/exec.c}: one argument or environment string may take
 * {@code MAX_ARG_STRLEN} = 32 pages with its NUL; all of them, with one pointer each, a quarter of
 * the stack size limit, at most 6 MiB ({@code _STK_LIM / 4 * 3}) and at least 128 KiB ({@code
 * ARG_MAX}). NuProcess offers no {@code sysconf} or {@code getrlimit}, so the limits come from
 * {@code /proc/self/limits} and the page size from {@code /proc/self/auxv}.
 */
final class SpawnLimits {
  private static final Path PROC_SELF = Path.of("/proc/self");
  private static final boolean LINUX = Files.isDirectory(PROC_SELF.resolve("fd"));
  private static final long ARG_MAX_FLOOR = 128 * 1024;
  private static final long ARG_MAX_CAP = 6 * 1024 * 1024;
  private static final long DEFAULT_STACK = 8 * 1024 * 1024;
  private static final long AT_PAGESZ = 6;
  private static final long PAGE_SIZE = LINUX ? pageSize() : 4096;

  private SpawnLimits() {}

  /**
   * The most bytes one argument or environment string ({@code NAME=value}) may take, NUL included.
   */
  static OptionalLong maxStringBytes() {
    return LINUX ? OptionalLong.of(32 * PAGE_SIZE) : OptionalLong.empty();
  }

  /** A total of strings and pointers that never exceeds the limit: below it, no need to read it. */
  static long alwaysAllowedTotal() {
    return ARG_MAX_FLOOR;
  }

  /**
   * The most bytes all argument and environment strings (with NULs) and their pointers may take.
   */
  static OptionalLong maxTotalBytes() {
    if (!LINUX) {
      return OptionalLong.empty();
    }
    long stack = softLimit("Max stack size").orElse(DEFAULT_STACK);
    return OptionalLong.of(Math.max(ARG_MAX_FLOOR, Math.min(ARG_MAX_CAP, stack / 4)));
  }

  /** This process's limit on open files ({@code ulimit -n}). */
  static OptionalLong openFilesLimit() {
    return LINUX ? softLimit("Max open files") : OptionalLong.empty();
  }

  /** How many files this process has open. */
  static OptionalLong openFiles() {
    if (!LINUX) {
      return OptionalLong.empty();
    }
    long count = 0;
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(PROC_SELF.resolve("fd"))) {
      for (Path ignored : fds) {
        count++;
      }
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
    // Listing the directory holds one descriptor of its own.
    return OptionalLong.of(Math.max(0, count - 1));
  }

  /** The size of one pointer in the {@code argv} and {@code envp} arrays. */
  static int pointerBytes() {
    return "32".equals(System.getProperty("sun.arch.data.model")) ? 4 : 8;
  }

  private static OptionalLong softLimit(String name) {
    List<String> lines;
    try {
      lines = Files.readAllLines(PROC_SELF.resolve("limits"), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
    for (String line : lines) {
      if (line.startsWith(name + " ")) {
        String soft = line.substring(name.length()).trim().split("\\s+", -1)[0];
        if (soft.equals("unlimited")) {
          return OptionalLong.of(Long.MAX_VALUE);
        }
        try {
          return OptionalLong.of(Long.parseLong(soft));
        } catch (NumberFormatException e) {
          return OptionalLong.empty();
        }
      }
    }
    return OptionalLong.empty();
  }

  /** Reads {@code AT_PAGESZ} from the auxiliary vector: pairs of native words, type then value. */
  private static long pageSize() {
    try {
      ByteBuffer auxv =
          ByteBuffer.wrap(Files.readAllBytes(PROC_SELF.resolve("auxv")))
              .order(ByteOrder.nativeOrder());
      boolean wide = pointerBytes() == 8;
      int entry = wide ? 16 : 8;
      while (auxv.remaining() >= entry) {
        long type = wide ? auxv.getLong() : auxv.getInt();
        long value = wide ? auxv.getLong() : Integer.toUnsignedLong(auxv.getInt());
        if (type == AT_PAGESZ && value > 0) {
          return value;
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through to the common size
    }
    return 4096;
  }
}
