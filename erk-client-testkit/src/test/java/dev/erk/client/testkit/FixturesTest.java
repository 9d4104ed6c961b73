package dev.erk.client.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.erk.client.ErkGeneration;
import dev.erk.client.cli.ErkJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FixturesTest {

  @ParameterizedTest
  @CsvSource({
    "DASH_DATA_PLANS, CURRENT, 6",
    "DASH_DATA_V0_9_11, V0_9_11, 2",
    "DASH_DATA_V0_9_0, V0_9_0, 2",
    "DASH_DATA_V0_7, V0_7, 2",
    "DASH_DATA_EMPTY, '', 0"
  })
  void eachDashDataFixtureDecodesAsItsGeneration(Fixtures f, String generation, int rows)
      throws Exception {
    byte[] out = f.recording().stdoutBytes();
    ErkJson.DashData data = ErkJson.create().decodeDashData(out, out.length, List.of("erk"));
    var plans = ((ErkJson.DashData.Plans) data).plans();
    assertEquals(rows, plans.count());
    if (!generation.isEmpty()) {
      ErkGeneration expected = ErkGeneration.valueOf(generation);
      assertEquals(expected, plans.generation());
      List<String> keys = new ArrayList<>();
      new ObjectMapper().readTree(out).get("plans").get(0).fieldNames().forEachRemaining(keys::add);
      assertEquals(expected.rowKeyCount(), keys.size());
      assertEquals(expected, ErkGeneration.detect(keys).orElseThrow());
    }
  }
}
