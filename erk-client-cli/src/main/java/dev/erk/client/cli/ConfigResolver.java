package dev.erk.client.cli;

import dev.erk.client.cli.internal.StartFailures;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a builder's settings into a client's configuration. */
final class ConfigResolver {
  private ConfigResolver() {}

  static ClientConfig resolve(CliErkClient.Builder b) {
    JacksonCheck.check();
    Path executable =
        b.executable != null
            ? b.executable.toAbsolutePath()
            : Executables.onPath("erk", System.getenv("PATH"));
    Path workingDirectory =
        (b.workingDirectory != null ? b.workingDirectory : Path.of("")).toAbsolutePath();
    // Fails fast here; a directory deleted later is reported when a call cannot start.
    StartFailures.checkWorkingDirectory(workingDirectory, executable);
    Map<String, String> environment = new LinkedHashMap<>(System.getenv());
    b.environmentRemovals.forEach(environment::remove);
    environment.putAll(b.environmentAdditions);
    // A Python child block-buffers a piped stdout without this, and lines would arrive in lumps.
    environment.put("PYTHONUNBUFFERED", "1");
    ErkJson json = b.objectMapper != null ? ErkJson.create(b.objectMapper) : ErkJson.create();
    System.Logger logger = System.getLogger(b.loggerName);
    return new ClientConfig(
        executable,
        workingDirectory,
        Collections.unmodifiableMap(environment),
        b.dataTimeout,
        b.actionTimeout,
        b.streamTimeout,
        b.killGrace,
        b.outputLimit,
        json,
        b.callbackExecutor,
        logger,
        b.generation,
        b.coalesce,
        new CallObservation(b.eventListenerFactory, b.callbackExecutor, logger, b.redactFreeText),
        b.warm);
  }
}
