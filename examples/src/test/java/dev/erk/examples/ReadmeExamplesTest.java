package dev.erk.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code ```java} block of the project's README.md, so the README cannot show code
 * that does not compile against the current API (as zt-exec's {@code ReadmeExamples} does).
 *
 * <p><b>Convention for README blocks.</b>
 *
 * <ul>
 *   <li>A block whose first code line starts with {@code package}, {@code import}, {@code class},
 *       {@code public}, {@code final}, {@code record}, {@code interface}, {@code enum} or {@code @}
 *       is compiled as a whole compilation unit (name its public type, if any, as you like: the
 *       file is named after it).
 *   <li>Any other block is a fragment: it becomes the body of a method {@code void snippet() throws
 *       Exception} in a class that imports {@code dev.erk.client.*}, {@code dev.erk.client.cli.*},
 *       {@code dev.erk.client.testkit.*}, {@code dev.erk.client.testkit.junit.*}, {@code
 *       java.nio.file.*}, {@code java.time.*}, {@code java.util.*}, {@code java.util.concurrent.*},
 *       {@code org.junit.jupiter.api.*} and the static {@code Assertions.*}, and has these fields,
 *       which a fragment may use or shadow: {@code ErkClient client}, {@code CliErkClient erk},
 *       {@code PlanRow row}, {@code PlanList plans}, {@code Path repo}, {@code FakeErk fakeErk},
 *       {@code ActionRequest request}, {@code StreamHandle handle}.
 *   <li>Blocks fenced as anything but {@code java} (e.g. {@code ```text}, {@code ```shell}) are not
 *       compiled.
 * </ul>
 *
 * A README with no java block fails, so snippets cannot silently stop being checked.
 */
class ReadmeExamplesTest {
  private static final Pattern WHOLE_UNIT =
      Pattern.compile("^(package|import|class|public|final|record|interface|enum|@)\\b?.*");
  private static final Pattern TYPE_NAME =
      Pattern.compile("\\b(?:class|record|interface|enum)\\s+([A-Za-z_][A-Za-z0-9_]*)");
  private static final String IMPORTS =
      """
      import dev.erk.client.*;
      import dev.erk.client.details.*;
      import dev.erk.client.cli.*;
      import dev.erk.client.testkit.*;
      import dev.erk.client.testkit.junit.*;
      import java.nio.file.*;
      import java.time.*;
      import java.util.*;
      import java.util.concurrent.*;
      import org.junit.jupiter.api.*;
      import static org.junit.jupiter.api.Assertions.*;
      """;
  private static final String FIELDS =
      """
        ErkClient client; CliErkClient erk; PlanRow row; PlanList plans; Path repo;
        FakeErk fakeErk; ActionRequest request; StreamHandle handle;
      """;

  @TempDir Path classes;

  /** A java block: where it is (README.md or a source file), its first code line, its text. */
  record Block(String file, int line, String code) {
    Block(int line, String code) {
      this("README.md", line, code);
    }
  }

  static Path readme() {
    String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
    Path examples = Path.of(basedir).toAbsolutePath();
    Path parent = examples.getParent();
    return (parent == null ? examples : parent).resolve("README.md");
  }

  static List<Block> blocks(List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    StringBuilder code = null;
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      String fence = lines.get(i).strip();
      if (code == null && fence.startsWith("```")) {
        if (fence.substring(3).strip().toLowerCase(Locale.ROOT).equals("java")) {
          code = new StringBuilder();
          start = i + 2;
        } else {
          int close = i + 1;
          while (close < lines.size() && !lines.get(close).strip().startsWith("```")) {
            close++;
          }
          i = close;
        }
      } else if (code != null && fence.startsWith("```")) {
        blocks.add(new Block(start, code.toString()));
        code = null;
      } else if (code != null) {
        code.append(lines.get(i)).append('\n');
      }
    }
    if (code != null) {
      fail("README.md line " + (start - 1) + ": the java block is never closed");
    }
    return blocks;
  }

  @Test
  void theReadmeHasJavaSnippets() throws IOException {
    Path readme = readme();
    assertFalse(
        blocks(Files.readAllLines(readme)).isEmpty(),
        readme + " has no ```java block: its examples would go unchecked");
  }

  @TestFactory
  Stream<DynamicTest> everyJavaBlockCompiles() throws IOException {
    Path readme = readme();
    List<Block> blocks = blocks(Files.readAllLines(readme));
    return blocks.stream()
        .map(
            block ->
                DynamicTest.dynamicTest("README.md line " + block.line(), () -> compile(block)));
  }

  @Test
  void aBrokenSnippetFailsWithItsReadmeLineAndTheCompilerMessage() throws IOException {
    List<Block> blocks = blocks(List.of("text", "```java", "int x = 1;", "String s = x;", "```"));
    try {
      compile(blocks.get(0));
    } catch (AssertionError expected) {
      String message = String.valueOf(expected.getMessage());
      if (message.contains("README.md line 4") && message.contains("incompatible types")) {
        return;
      }
      fail("wrong message: " + message);
    }
    fail("a snippet that does not compile passed");
  }

  void compile(Block block) throws IOException {
    String firstCode =
        block
            .code()
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("//"))
            .findFirst()
            .orElse("");
    boolean whole = WHOLE_UNIT.matcher(firstCode).matches();
    String name;
    String source;
    int offset; // README line of the source's line 1
    if (whole) {
      Matcher type = TYPE_NAME.matcher(block.code());
      name = type.find() ? type.group(1) : "ReadmeUnit" + block.line();
      // A unit without package or imports gets the fragments' imports (Javadoc samples omit them).
      boolean bare = !firstCode.startsWith("package") && !firstCode.startsWith("import");
      source =
          bare
              ? IMPORTS + "import org.junit.jupiter.api.extension.*;\n" + block.code()
              : block.code();
      offset = bare ? block.line() - (int) IMPORTS.lines().count() - 1 : block.line();
    } else {
      name = "Snippet" + block.line();
      // Javadoc samples get no fields: a reader sees only the sample, so it declares what it uses.
      String fields = block.file().equals("README.md") ? FIELDS : "";
      String head =
          IMPORTS
              + "@SuppressWarnings(\"unused\")\nclass "
              + name
              + " {\n"
              + fields
              + "  void snippet() throws Exception {\n";
      source = head + block.code() + "  }\n}\n";
      offset = block.line() - (int) head.lines().count();
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path out =
        Files.createDirectories(
            classes.resolve(block.file().replaceAll("[^A-Za-z0-9]", "_") + block.line()));
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
      JavaFileObject unit =
          new SimpleJavaFileObject(
              URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return source;
            }
          };
      List<String> options =
          List.of(
              "-classpath",
              classPath(),
              "-d",
              out.toString(),
              "-proc:none",
              "-Xlint:none",
              "-encoding",
              "UTF-8");
      boolean ok = compiler.getTask(null, files, diagnostics, options, null, List.of(unit)).call();
      if (!ok) {
        StringBuilder message = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          if (d.getKind() != Diagnostic.Kind.ERROR) {
            continue;
          }
          message
              .append(block.file())
              .append(" line ")
              .append(offset + d.getLineNumber() - 1)
              .append(": ")
              .append(d.getMessage(Locale.ROOT))
              .append('\n');
        }
        fail(
            "the java block at "
                + block.file()
                + " line "
                + block.line()
                + " does not compile ("
                + (whole ? "as a compilation unit" : "as a method body")
                + "):\n"
                + message);
      }
    }
  }

  private static String classPath() {
    List<String> entries = new ArrayList<>();
    for (String property : List.of("java.class.path", "jdk.module.path")) {
      String value = System.getProperty(property);
      if (value != null && !value.isBlank()) {
        entries.add(value);
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
