package dev.erk.client.cli;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.Version;
import dev.erk.client.ErkException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 13, item 12: any Throwable in a call completes the call's future, typed. */
class FuturesTest {
  private static final List<String> COMMAND = List.of("erk", "exec", "dash-data");

  @Test
  void anErrorInAMappingCompletesTheFutureWithATypedException() {
    CompletableFuture<String> source = new CompletableFuture<>();
    NoSuchMethodError old = new NoSuchMethodError("JsonParser.currentTokenLocation()");
    CompletableFuture<String> mapped =
        Futures.chain(
            source,
            COMMAND,
            value -> {
              throw old;
            });
    source.complete("{}");
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> mapped.get(5, TimeUnit.SECONDS));
    ErkException typed = assertInstanceOf(ErkException.class, e.getCause());
    assertSame(old, typed.getCause());
    assertTrue(typed.getMessage().contains("Jackson 2.16"), typed.getMessage());
  }

  @Test
  void anErrorInAComposedStageCompletesTheFuture() {
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<String> composed =
        Futures.compose(
            first,
            COMMAND,
            value -> {
              throw new StackOverflowError();
            });
    first.complete("x");
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> composed.get(5, TimeUnit.SECONDS));
    assertInstanceOf(
        StackOverflowError.class, java.util.Objects.requireNonNull(e.getCause()).getCause());
  }

  @Test
  void aJacksonOlderThanTheMinimumIsRefusedByName() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> JacksonCheck.check("jackson-databind", new Version(2, 15, 4, null, null, null)));
    String message = String.valueOf(e.getMessage());
    assertTrue(message.contains("2.15.4") && message.contains("2.16"), message);
    JacksonCheck.check("jackson-databind", new Version(2, 16, 0, null, null, null));
  }
}
