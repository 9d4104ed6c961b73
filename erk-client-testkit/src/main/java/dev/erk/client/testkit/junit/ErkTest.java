package dev.erk.client.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test of the annotated class a fresh {@link dev.erk.client.testkit.FakeErk}: declare a
 * parameter of type {@code FakeErk}, and optionally one of type {@code CliErkClient} or {@code
 * ErkClient} for a client pointed at it ({@link dev.erk.client.testkit.FakeErk#client()}).
 *
 * <pre>{@code
 * @ErkTest
 * class DashboardTest {
 *   @Test
 *   void showsOpenPlans(FakeErk erk, ErkClient client) {
 *     erk.stubPlans(PlanRows.open(7).title("Add retry").build());
 *     assertEquals(1, client.listPlans().count());
 *   }
 * }
 * }</pre>
 *
 * <p>After each test the client and the fake are closed (killing the fake's processes still
 * running) and, unless {@link #failOnUnmatched()} is false, the test fails if any invocation
 * matched no stub. For other settings register a {@link FakeErkExtension} with
 * {@code @RegisterExtension} instead.
 */
// JUnit is an optional (static) dependency: a transitive one would make every module that reads
// the testkit need JUnit to compile. Users of this JUnit layer have JUnit on their path anyway.
@SuppressWarnings("exports")
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FakeErkExtension.class)
public @interface ErkTest {

  /** Whether an invocation that matched no stub fails the test in {@code afterEach}. */
  boolean failOnUnmatched() default true;

  /** Environment variables to record in the journal, besides the default ones. */
  String[] recordEnvironment() default {};
}
