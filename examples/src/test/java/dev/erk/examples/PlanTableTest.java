package dev.erk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.PlanRow;
import dev.erk.client.testkit.PlanRows;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTableTest {

  @Test
  void wideTitlesEmojiAndLongTitlesStayAligned() {
    List<String> table = PlanTable.render(DemoPlans.plans());

    DashboardTest.assertAlignedTable(table);
    String text = String.join("\n", table);
    assertTrue(text.contains("国際化"), text);
    assertTrue(text.contains("#7911 👀💥"), text);
    assertTrue(text.contains("24681357 ❌ Failure"), text);
    assertTrue(text.contains("erk-slot-03"), text);
    assertTrue(text.contains("…"), "the long title is cut: " + text);
    assertFalse(text.contains("[/"), "no Rich markup: " + text);
  }

  @Test
  void titlesAreCutToTheTitleColumnWithAnEllipsis() {
    PlanRow row = PlanRows.open(1).title("x".repeat(100)).build();

    String line = PlanTable.render(List.of(row)).get(2);

    assertTrue(line.contains("x".repeat(PlanTable.TITLE_COLUMNS - 1) + "…"), line);
    assertFalse(line.contains("x".repeat(PlanTable.TITLE_COLUMNS)), line);
  }

  @Test
  void lineBreaksInATitleDoNotBreakTheTable() {
    PlanRow row = PlanRows.open(1).title("two\nlines\tand a tab").build();

    List<String> table = PlanTable.render(List.of(row));

    assertEquals(3, table.size());
    assertTrue(table.get(2).contains("two lines and a tab"), table.get(2));
  }
}
