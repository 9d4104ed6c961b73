package dev.erk.client.cli;

import dev.erk.client.ActionKind;
import dev.erk.client.ActionRequest;
import dev.erk.client.ErkGeneration;
import dev.erk.client.ErkStartException;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Run in a separate JVM with a low open-files limit by {@link StartFailureTest}: runs erk once (so
 * every class the client needs is loaded), opens files until none are left, frees three (fewer than
 * NuProcess's three pipes need), and runs erk again. Prints {@code message <text>} and {@code cause
 * <exception>} for the start failure, and {@code records <n>}: how many records of WARNING or above
 * reached the root logger.
 */
public final class FdExhaustionMain {
  private FdExhaustionMain() {}

  public static void main(String[] args) throws Exception {
    AtomicInteger records = new AtomicInteger();
    Logger.getLogger("")
        .addHandler(
            new Handler() {
              @Override
              public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                  records.incrementAndGet();
                }
              }

              @Override
              public void flush() {}

              @Override
              public void close() {}
            });
    Path dir = Path.of(args[0]);
    ActionRequest request = ActionRequest.custom(ActionKind.TEXT, "exit", "0");
    try (CliErkClient client = TestScripts.behave(dir).generation(ErkGeneration.CURRENT).build()) {
      client.run(request);
      List<FileInputStream> held = new ArrayList<>();
      ErkStartException failure = null;
      try {
        try {
          while (true) {
            held.add(new FileInputStream("/dev/null"));
          }
        } catch (IOException e) {
          // every descriptor is in use
        }
        for (int i = 0; i < 3; i++) {
          held.remove(held.size() - 1).close();
        }
        client.run(request);
        System.out.println("started");
      } catch (ErkStartException e) {
        failure = e;
      } finally {
        for (FileInputStream in : held) {
          in.close();
        }
      }
      if (failure != null) {
        System.out.println("message " + failure.getMessage());
        System.out.println("cause " + failure.getCause());
      }
    }
    System.out.println("records " + records.get());
  }
}
