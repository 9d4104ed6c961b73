package dev.erk.client.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CorePackageTest {

  @Test
  void theCorePackageDoesNotReferenceJUnit() throws Exception {
    Path core = Path.of("target/classes/dev/erk/client/testkit");
    try (Stream<Path> classes = Files.list(core)) {
      for (Path c : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
        String bytes =
            new String(Files.readAllBytes(c), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains("org/junit"), c + " references JUnit");
      }
    }
  }
}
