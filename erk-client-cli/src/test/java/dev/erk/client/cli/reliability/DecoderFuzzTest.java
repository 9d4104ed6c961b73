package dev.erk.client.cli.reliability;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.erk.client.ErkUnreadableOutputException;
import dev.erk.client.cli.ErkJson;
import java.util.List;

/**
 * Fuzzes the dash-data decoder: any input must decode or fail with {@link
 * ErkUnreadableOutputException}; any other throwable is a finding. Without {@code JAZZER_FUZZ} only
 * the committed inputs run (see {@code DecoderFuzzTestInputs/}).
 */
class DecoderFuzzTest {
  private static final ErkJson JSON = ErkJson.create();
  private static final List<String> COMMAND = List.of("erk", "exec", "dash-data");

  @FuzzTest(maxDuration = "5m")
  void decodeDashDataReturnsOrThrowsUnreadable(byte[] input) {
    try {
      JSON.decodeDashData(input, input.length, COMMAND);
    } catch (ErkUnreadableOutputException e) {
      if (e.getMessage() == null || !e.getMessage().contains("dash-data")) {
        throw new AssertionError("message does not name the command: " + e.getMessage(), e);
      }
    }
  }
}
