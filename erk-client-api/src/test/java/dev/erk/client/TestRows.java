package dev.erk.client;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Plan rows for tests: a full open plan, and copies with chosen components changed. */
final class TestRows {
  private TestRows() {}

  /** An open, enriched plan PR #42 on branch {@code plan-42}, with no run and no objective. */
  static PlanRow openPlan() {
    OffsetDateTime now = OffsetDateTime.parse("2026-04-11T09:05:00+00:00");
    return PlanRow.builder()
        .prNumber(42)
        .prUrl("https://github.com/acme/widgets/pull/42")
        .prDisplay("#42 \uD83D\uDC40")
        .fullTitle("Add retry")
        .prBody("Plan")
        .prTitle("Add retry")
        .prState("OPEN")
        .prHeadBranch("plan-42")
        .commentsDisplay("0/0")
        .learnDisplay("- not started")
        .learnDisplayIcon("-")
        .objectiveSlugDisplay("-")
        .updatedAt(now)
        .updatedDisplay("just now")
        .createdAt(now)
        .createdDisplay("just now")
        .author("alice")
        .lifecycleDisplay("[yellow]impl[/yellow]")
        .build();
  }

  /** A copy of the row with the named components set, e.g. {@code with(row, "prState", null)}. */
  // The canonical constructor's own exception (a validation failure) is an assertion failure here,
  // which PlanRowTest expects; a LinkageError would misname it.
  @SuppressWarnings("RethrowReflectiveOperationExceptionAsLinkageError")
  static PlanRow with(PlanRow row, @Nullable Object... namesAndValues) {
    RecordComponent[] components = PlanRow.class.getRecordComponents();
    @Nullable Object[] values = new Object[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        values[i] = components[i].getAccessor().invoke(row);
      }
      for (int i = 0; i < namesAndValues.length; i += 2) {
        values[indexOf(components, (String) namesAndValues[i])] = namesAndValues[i + 1];
      }
      Class<?>[] types =
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
      Constructor<PlanRow> canonical = PlanRow.class.getDeclaredConstructor(types);
      return canonical.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static int indexOf(RecordComponent[] components, String name) {
    for (int i = 0; i < components.length; i++) {
      if (components[i].getName().equals(name)) {
        return i;
      }
    }
    throw new AssertionError("no component " + name);
  }
}
