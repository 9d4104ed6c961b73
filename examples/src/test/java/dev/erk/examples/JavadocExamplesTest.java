package dev.erk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.erk.examples.ReadmeExamplesTest.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every "pre" block opened with an inline code tag in the Javadoc of the published modules
 * (api, cli, testkit) and of the examples, with the same rules as {@link ReadmeExamplesTest}: a
 * sample that starts like a compilation unit is compiled as one, any other is a method body with
 * the README's imports (but no fields). Shell commands and other non-Java text belong in a plain
 * "pre" block without the inline code tag, which is not compiled.
 */
class JavadocExamplesTest {
  private static final List<String> MODULES =
      List.of("erk-client-api", "erk-client-cli", "erk-client-testkit", "examples");

  @TempDir Path classes;

  static List<Block> javadocBlocks(String file, List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    StringBuilder code = null;
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      String text = line.startsWith("*") ? line.substring(1) : line;
      text = text.startsWith(" ") ? text.substring(1) : text;
      if (code == null && line.endsWith("<pre>{@code")) {
        code = new StringBuilder();
        start = i + 2;
      } else if (code != null && text.strip().startsWith("}</pre>")) {
        blocks.add(new Block(file, start, code.toString()));
        code = null;
      } else if (code != null) {
        code.append(unescape(text)).append('\n');
      }
    }
    if (code != null) {
      fail(file + " line " + (start - 1) + ": the <pre>{@code block is never closed");
    }
    return blocks;
  }

  private static String unescape(String javadoc) {
    return javadoc
        .replace("{@literal @}", "@")
        .replace("&#64;", "@")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  static List<Block> allJavadocBlocks() throws IOException {
    Path root = ReadmeExamplesTest.readme().toAbsolutePath().resolveSibling(".");
    List<Block> blocks = new ArrayList<>();
    for (String module : MODULES) {
      Path sources = root.resolve(module).resolve("src/main/java");
      try (Stream<Path> files = Files.walk(sources)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          blocks.addAll(
              javadocBlocks(
                  root.relativize(file).normalize().toString(), Files.readAllLines(file)));
        }
      }
    }
    return blocks;
  }

  @Test
  void theJavadocHasSamples() throws IOException {
    assertFalse(allJavadocBlocks().isEmpty(), "no <pre>{@code block found: samples unchecked");
  }

  @TestFactory
  Stream<DynamicTest> everyJavadocSampleCompiles() throws IOException {
    return allJavadocBlocks().stream()
        .map(
            block ->
                DynamicTest.dynamicTest(
                    block.file() + " line " + block.line(), () -> compiler().compile(block)));
  }

  private ReadmeExamplesTest compiler() {
    ReadmeExamplesTest compiler = new ReadmeExamplesTest();
    compiler.classes = classes;
    return compiler;
  }

  @Test
  void aSampleIsTheCommentTextWithoutStarsAndEscapes() {
    List<Block> blocks =
        javadocBlocks(
            "X.java",
            List.of(
                "/**",
                " * <pre>{@code",
                " * &#64;ErkTest",
                " * if (a &lt; b) {",
                " * }",
                " * }</pre>",
                " */"));
    assertEquals(List.of(new Block("X.java", 3, "@ErkTest\nif (a < b) {\n}\n")), blocks);
  }
}
