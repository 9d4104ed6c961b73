package dev.erk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link PlanRowBuilder}, the stable way to build rows. */
class PlanRowBuilderTest {

  @Test
  void everyComponentHasASetterNamedAfterIt() {
    Set<String> setters =
        Arrays.stream(PlanRowBuilder.class.getMethods())
            .filter(m -> m.getReturnType() == PlanRowBuilder.class && m.getParameterCount() == 1)
            .map(Method::getName)
            .collect(Collectors.toSet());
    for (RecordComponent component : PlanRow.class.getRecordComponents()) {
      assertTrue(setters.contains(component.getName()), "no setter for " + component.getName());
    }
  }

  @Test
  void onlyThePrNumberIsRequiredAndTheRestShowsNothing() {
    PlanRow row = PlanRow.builder().prNumber(7).build();
    assertEquals(7, row.prNumber());
    assertNull(row.prUrl());
    assertEquals("-", row.prDisplay());
    assertEquals("", row.worktreeName());
    assertEquals(0, row.totalCommentCount());
    assertTrue(row.extras().isEmpty());
    assertThrows(IllegalStateException.class, () -> PlanRow.builder().build());
  }

  @Test
  void newBuilderCopiesEveryValue() {
    PlanRow row = TestRows.openPlan();
    assertEquals(row, row.newBuilder().build());
    PlanRow changed = row.newBuilder().prState("CLOSED").extra("new_key", 1).build();
    assertEquals("CLOSED", changed.prState());
    assertEquals(1, changed.extras().get("new_key"));
    assertEquals(row.fullTitle(), changed.fullTitle());
  }

  @Test
  void aMissingRequiredValueIsRefusedByName() {
    NullPointerException e =
        assertThrows(
            NullPointerException.class,
            () -> PlanRow.builder().prNumber(1).prDisplay(nullString()));
    assertEquals("prDisplay", e.getMessage());
  }

  @SuppressWarnings("NullAway")
  private static String nullString() {
    return null;
  }
}
