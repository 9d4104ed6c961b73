package dev.erk.client.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads the invocation journal that the fake script writes: one file per invocation, named by a
 * sequence number the script claims atomically (so a later call never gets a smaller number than
 * one that finished before it started), holding NUL-terminated fields that end with {@code end}. A
 * file whose field count is not yet complete is still being written and is skipped until it is.
 * Thread-safe.
 */
final class JournalFiles {

  /** A complete journal entry; {@code stubId} is {@code "-"} when no stub matched. */
  record Entry(
      long sequence,
      List<String> argv,
      Path cwd,
      Map<String, String> environment,
      Instant time,
      String stubId) {}

  private static final String MAGIC = "fake-erk-journal-1";
  private static final long POLL_MILLIS = 5;

  private final Path dir;
  private final TreeMap<Long, Entry> complete = new TreeMap<>();
  private final Set<Long> taken = new HashSet<>();

  JournalFiles(Path dir) {
    this.dir = dir;
  }

  /** All complete entries, in sequence order. */
  synchronized List<Entry> entries() {
    scan();
    return List.copyOf(complete.values());
  }

  /** Removes and returns the earliest entry not taken before, waiting up to {@code timeout}. */
  Optional<Entry> take(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      synchronized (this) {
        scan();
        for (Entry entry : complete.values()) {
          if (taken.add(entry.sequence())) {
            return Optional.of(entry);
          }
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, left / 1_000_000)));
    }
  }

  /** Forgets all entries; the caller deletes the files. */
  synchronized void clear() {
    complete.clear();
    taken.clear();
  }

  private void scan() {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        Long sequence = sequenceOf(file.getFileName().toString());
        if (sequence != null && !complete.containsKey(sequence)) {
          Entry entry = read(sequence, file);
          if (entry != null) {
            complete.put(sequence, entry);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the fake erk journal in " + dir, e);
    }
  }

  private static @Nullable Long sequenceOf(String name) {
    if (name.isEmpty() || name.length() > 18 || !name.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Long.valueOf(name);
  }

  private static @Nullable Entry read(long sequence, Path file) throws IOException {
    byte[] bytes;
    Instant time;
    try {
      bytes = Files.readAllBytes(file);
      time = Files.getLastModifiedTime(file).toInstant();
    } catch (NoSuchFileException e) {
      return null;
    }
    List<String> fields = fields(bytes);
    if (fields.size() < 6 || !fields.get(0).equals(MAGIC)) {
      return null;
    }
    int argc;
    int envCount;
    try {
      argc = Integer.parseInt(fields.get(3));
      envCount = Integer.parseInt(fields.get(4));
    } catch (NumberFormatException e) {
      return null;
    }
    int envStart = 5 + argc;
    if (fields.size() != envStart + 2 * envCount + 1
        || !fields.get(fields.size() - 1).equals("end")) {
      return null;
    }
    Map<String, String> environment = new LinkedHashMap<>();
    for (int i = envStart; i < envStart + 2 * envCount; i += 2) {
      String value = fields.get(i + 1);
      if (value.startsWith("S")) {
        environment.put(fields.get(i), value.substring(1));
      }
    }
    return new Entry(
        sequence,
        List.copyOf(fields.subList(5, envStart)),
        Path.of(fields.get(1)),
        environment,
        time,
        fields.get(2));
  }

  /** Splits at NUL bytes; the bytes after the last NUL (an unfinished field) are dropped. */
  private static List<String> fields(byte[] bytes) {
    List<String> fields = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        fields.add(new String(bytes, start, i - start, ScriptWriter.NATIVE));
        start = i + 1;
      }
    }
    return fields;
  }
}
