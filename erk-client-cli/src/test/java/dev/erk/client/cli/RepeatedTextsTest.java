package dev.erk.client.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.erk.client.PlanRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A value that repeats, changes or comes back from row to row decodes as written each time. */
class RepeatedTextsTest {
  @Test
  void eachRowGetsTheTextItWrote() {
    List<String> authors =
        List.of("ab", "ab", "ac", "ab", "", "ab", "é", "e", "é", "x".repeat(60), "x".repeat(60));
    StringBuilder text = new StringBuilder("{\"success\": true, \"plans\": [");
    for (int i = 0; i < authors.size(); i++) {
      text.append(i == 0 ? "" : ", ")
          .append("{\"pr_number\": ")
          .append(i)
          .append(", \"author\": \"")
          .append(authors.get(i))
          .append("\"}");
    }
    byte[] bytes = text.append("]}").toString().getBytes(UTF_8);
    ErkJson.DashData answer = ErkJson.create().decodeDashData(bytes, bytes.length, List.of("erk"));
    List<PlanRow> rows = assertInstanceOf(ErkJson.DashData.Plans.class, answer).plans().plans();
    assertEquals(authors, rows.stream().map(PlanRow::author).toList());
  }
}
