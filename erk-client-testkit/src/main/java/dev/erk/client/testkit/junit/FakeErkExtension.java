package dev.erk.client.testkit.junit;

import dev.erk.client.ErkClient;
import dev.erk.client.cli.CliErkClient;
import dev.erk.client.testkit.FakeErk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link ErkTest}, also usable programmatically:
 *
 * <pre>{@code
 * class ClosePlanTest {
 *   @RegisterExtension
 *   static final FakeErkExtension ERK =
 *       FakeErkExtension.builder().recordEnvironment("MY_TOKEN").failOnUnmatched(false).build();
 *
 *   @Test
 *   void closesThePlan(FakeErk erk, CliErkClient client) {
 *     // ...
 *   }
 * }
 * }</pre>
 *
 * <p>Resolves parameters of type {@link FakeErk}, {@link CliErkClient} and {@link ErkClient}: one
 * fake per test, created on first use, and one client pointed at it. Both live in the test's {@link
 * ExtensionContext.Store} and are closed when the test ends (client first; closing the fake kills
 * its processes still running). In {@code afterEach} the test fails with {@link
 * FakeErk#verifyNoUnmatched()}'s message if an invocation matched no stub, unless disabled.
 *
 * <p>Registered with {@code @ExtendWith} or {@link ErkTest}, it takes its settings from the nearest
 * {@link ErkTest} on the test class or an enclosing class. Thread-safe: tests may run in parallel.
 */
// JUnit is an optional (static) dependency: a transitive one would make every module that reads
// the testkit need JUnit to compile. Users of this JUnit layer have JUnit on their path anyway.
@SuppressWarnings("exports")
public final class FakeErkExtension implements ParameterResolver, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(FakeErkExtension.class);

  private final @Nullable Settings settings;

  /** The extension with the settings of the {@link ErkTest} on the test class (or the defaults). */
  public FakeErkExtension() {
    this.settings = null;
  }

  private FakeErkExtension(Settings settings) {
    this.settings = settings;
  }

  /** Starts configuring an extension for {@code @RegisterExtension}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FakeErk.class || type == CliErkClient.class || type == ErkClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestResources resources = resources(context);
    return parameter.getParameter().getType() == FakeErk.class
        ? resources.fake()
        : resources.client();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestResources resources = context.getStore(NAMESPACE).get(key(context), TestResources.class);
    if (resources != null && resources.settings().failOnUnmatched()) {
      resources.verifyNoUnmatched();
    }
  }

  private TestResources resources(ExtensionContext context) {
    Settings chosen = settings != null ? settings : Settings.from(context);
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(key(context), k -> new TestResources(chosen), TestResources.class);
  }

  /** One fake per test method (or per class, for a parameter of a class-level method). */
  private static String key(ExtensionContext context) {
    return "resources:" + context.getUniqueId();
  }

  /** The extension's settings. */
  record Settings(
      boolean failOnUnmatched,
      List<String> recordEnvironment,
      List<Consumer<FakeErk.Builder>> fakeSettings,
      List<Consumer<CliErkClient.Builder>> clientSettings) {

    static Settings from(ExtensionContext context) {
      Optional<Class<?>> type = context.getTestClass();
      for (Class<?> c = type.orElse(null); c != null; c = c.getEnclosingClass()) {
        ErkTest annotation = c.getAnnotation(ErkTest.class);
        if (annotation != null) {
          return new Settings(
              annotation.failOnUnmatched(),
              List.of(annotation.recordEnvironment()),
              List.of(),
              List.of());
        }
      }
      return new Settings(true, List.of(), List.of(), List.of());
    }
  }

  /** Settings for a {@link FakeErkExtension}. Not thread-safe. */
  public static final class Builder {
    private boolean failOnUnmatched = true;
    private final List<String> recordEnvironment = new ArrayList<>();
    private final List<Consumer<FakeErk.Builder>> fakeSettings = new ArrayList<>();
    private final List<Consumer<CliErkClient.Builder>> clientSettings = new ArrayList<>();

    private Builder() {}

    /** Whether an invocation that matched no stub fails the test; default true. */
    public Builder failOnUnmatched(boolean fail) {
      this.failOnUnmatched = fail;
      return this;
    }

    /** Also records these environment variables in each fake's journal. */
    public Builder recordEnvironment(String... names) {
      recordEnvironment.addAll(Arrays.asList(names));
      return this;
    }

    /** Further settings for each fake, e.g. {@code b -> b.unmatchedExitCode(3)}. */
    public Builder fake(Consumer<FakeErk.Builder> settings) {
      fakeSettings.add(settings);
      return this;
    }

    /** Further settings for each client, e.g. {@code b -> b.dataTimeout(Duration.ofSeconds(2))}. */
    public Builder client(Consumer<CliErkClient.Builder> settings) {
      clientSettings.add(settings);
      return this;
    }

    /** The extension. */
    public FakeErkExtension build() {
      return new FakeErkExtension(
          new Settings(
              failOnUnmatched,
              List.copyOf(recordEnvironment),
              List.copyOf(fakeSettings),
              List.copyOf(clientSettings)));
    }
  }
}
