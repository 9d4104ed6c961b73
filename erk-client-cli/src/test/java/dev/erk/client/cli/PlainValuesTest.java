package dev.erk.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainValuesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = new JsonFactory();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "null",
        "true",
        "false",
        "\"\"",
        "\"caf\\u00e9 \\ud83d\\ude80 \\n\"",
        "0",
        "-1",
        "2147483647",
        "2147483648",
        "-2147483649",
        "9223372036854775807",
        "9223372036854775808",
        "-99999999999999999999999",
        "1.5",
        "-0.0",
        "1e308",
        "1e400",
        "1E-7",
        "123456789.123456789",
        "{\"a\": [1, 2.5, \"x\", null, true, {\"b\": {}}], \"c\": [[], [[]]], \"\": 0}",
        "[{\"labels\": [\"erk-plan\", \"area/x\"], \"review_decision\": null}, 3, [4, [5]]]",
        "{\"k\": {\"k\": {\"k\": [{\"k\": 1}]}}}"
      })
  void readsWhatADefaultMapperReads(String json) throws Exception {
    try (JsonParser parser = FACTORY.createParser(json)) {
      parser.nextToken();
      assertEquals(MAPPER.readValue(json, Object.class), PlainValues.read(parser));
      assertEquals(null, parser.nextToken());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\": 1, \"a\": 1}", "[{\"x\": {\"b\": null, \"b\": null}}]"})
  void aKeyTwiceInOneObjectIsAnError(String json) throws Exception {
    try (JsonParser parser = FACTORY.createParser(json)) {
      parser.nextToken();
      assertThrows(UnexpectedShape.class, () -> PlainValues.read(parser));
    }
  }
}
