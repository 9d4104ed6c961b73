package dev.erk.client.cli;

import static dev.erk.client.cli.ErkJsonFixtures.CURRENT_KEYS;
import static dev.erk.client.cli.ErkJsonFixtures.V0_9_0_KEYS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.erk.client.ErkUnreadableOutputException;
import dev.erk.client.PlanRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Rows decode the same whether or not {@link KeyOrder} predicts their keys right. */
class KeyOrderTest {
  final ErkJson json = ErkJson.create();

  List<PlanRow> decode(String text) {
    byte[] bytes = text.getBytes(UTF_8);
    ErkJson.DashData answer = json.decodeDashData(bytes, bytes.length, List.of("erk"));
    return assertInstanceOf(ErkJson.DashData.Plans.class, answer).plans().plans();
  }

  @Test
  void rowsWhoseKeysComeInEveryOrderDecodeAsInErksOrder() {
    Random random = new Random(16);
    List<Map<String, @Nullable Object>> ordered = new ArrayList<>();
    List<Map<String, @Nullable Object>> shuffled = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      List<String> keys = new ArrayList<>(CURRENT_KEYS);
      keys.add(i, "unknown_" + i);
      ordered.add(ErkJsonFixtures.row(keys, "pr_number", 100 + i));
      if (i % 2 == 1) {
        Collections.shuffle(keys, random);
      }
      shuffled.add(ErkJsonFixtures.row(keys, "pr_number", 100 + i));
    }
    List<PlanRow> expected = decode(ErkJsonFixtures.envelope(ordered));
    assertEquals(expected, decode(ErkJsonFixtures.envelope(shuffled)));
  }

  @Test
  void rowsOfAnotherGenerationAfterCurrentRowsDecodeAsOnTheirOwn() {
    Map<String, @Nullable Object> current = ErkJsonFixtures.row(CURRENT_KEYS);
    Map<String, @Nullable Object> old = ErkJsonFixtures.row(V0_9_0_KEYS);
    List<PlanRow> mixed = decode(ErkJsonFixtures.envelope(List.of(current, old, current, old)));
    assertEquals(decode(ErkJsonFixtures.envelope(List.of(old))).get(0), mixed.get(3));
    assertEquals(mixed.get(1), mixed.get(3));
  }

  @Test
  void anEscapedKeyIsTheKeyItSpells() {
    String plain = "{\"success\": true, \"plans\": [{\"pr_number\": 7, \"author\": \"a\"}]}";
    String escaped = plain.replace("\"pr_number\"", "\"pr\\u005fnumber\"");
    assertEquals(decode(plain), decode(escaped));
  }

  @Test
  void aPredictedKeyThatComesTwiceIsRefusedWhereItComesAgain() {
    // After pr_url and pr_number, the reader predicts pr_url: the duplicate is a predicted key.
    String text =
        "{\"success\": true, \"plans\": [{\"pr_url\": \"u\", \"pr_number\": 1, \"pr_url\": \"v\"}]}";
    byte[] bytes = text.getBytes(UTF_8);
    ErkUnreadableOutputException e =
        assertThrows(
            ErkUnreadableOutputException.class,
            () -> json.decodeDashData(bytes, bytes.length, List.of("erk")));
    assertEquals(text.lastIndexOf("\"pr_url\""), e.offset().orElseThrow());
    assertTrue(String.valueOf(e.getMessage()).contains("Duplicate field 'pr_url'"), e.getMessage());
  }
}
