package dev.erk.client.cli.internal.warm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an installation of erk looked like on disk when a worker loaded it: for the script and the
 * package directories it imports, the modification time, size and file key (inode). An upgrade
 * replaces or rewrites them, so a different fingerprint means the worker is stale.
 */
record Fingerprint(List<Path> paths, List<String> stamps) {
  Fingerprint {
    paths = List.copyOf(paths);
    stamps = List.copyOf(stamps);
  }

  static Fingerprint of(List<Path> paths) {
    List<String> stamps = new ArrayList<>(paths.size());
    for (Path path : paths) {
      stamps.add(stamp(path));
    }
    return new Fingerprint(paths, stamps);
  }

  /** True if any path changed since this fingerprint was taken. */
  boolean changed() {
    for (int i = 0; i < paths.size(); i++) {
      if (!stamps.get(i).equals(stamp(paths.get(i)))) {
        return true;
      }
    }
    return false;
  }

  private static String stamp(Path path) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return attributes.lastModifiedTime().toString()
          + "/"
          + attributes.size()
          + "/"
          + Objects.toString(attributes.fileKey());
    } catch (IOException e) {
      return "missing";
    }
  }
}
