package dev.erk.examples;

import dev.erk.client.cli.CliErkClient;
import dev.erk.client.testkit.FakeErk;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The erk an example talks to: the executable given with {@code --erk}, or, without it, the
 * testkit's {@link FakeErk} scripted with bundled fixtures. Closing it stops what still runs.
 */
final class ExampleErk implements AutoCloseable {
  /** The one line an example prints when it runs on the fake. */
  static final String DEMO_NOTE =
      "(demo: no --erk given, showing erk-client's FakeErk with bundled fixtures)";

  private final @Nullable FakeErk fake;
  private final CliErkClient client;

  private ExampleErk(@Nullable FakeErk fake, CliErkClient client) {
    this.fake = fake;
    this.client = client;
  }

  /**
   * Connects to {@code erk} in {@code cwd} (default: the current directory), or when {@code erk} is
   * null builds a fake, lets {@code demo} script it and prints the demo note.
   *
   * @throws dev.erk.client.ErkException if the executable cannot be used
   */
  static ExampleErk connect(
      @Nullable Path erk, @Nullable Path cwd, Consumer<FakeErk> demo, PrintStream note) {
    return connect(erk, cwd, demo, note, UnaryOperator.identity());
  }

  /** {@link #connect(Path, Path, Consumer, PrintStream)}, with more client settings. */
  static ExampleErk connect(
      @Nullable Path erk,
      @Nullable Path cwd,
      Consumer<FakeErk> demo,
      PrintStream note,
      UnaryOperator<CliErkClient.Builder> settings) {
    if (erk == null) {
      FakeErk fake = FakeErk.create();
      try {
        demo.accept(fake);
        note.println(DEMO_NOTE);
        return new ExampleErk(fake, settings.apply(fake.clientBuilder()).build());
      } catch (RuntimeException e) {
        fake.close();
        throw e;
      }
    }
    CliErkClient.Builder builder = CliErkClient.builder().executable(erk);
    if (cwd != null) {
      builder.workingDirectory(cwd);
    }
    return new ExampleErk(null, settings.apply(builder).build());
  }

  CliErkClient client() {
    return client;
  }

  boolean isDemo() {
    return fake != null;
  }

  @Override
  public void close() {
    client.close();
    if (fake != null) {
      fake.close();
    }
  }
}
