package dev.erk.client.cli;

import dev.erk.client.ErkGeneration;
import dev.erk.client.cli.internal.warm.WarmSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * A client's resolved configuration; built by {@link CliErkClient.Builder}. A null {@code
 * callbackExecutor} means the SDK's own workers.
 */
record ClientConfig(
    Path executable,
    Path workingDirectory,
    Map<String, String> environment,
    Duration dataTimeout,
    Duration actionTimeout,
    Duration streamTimeout,
    Duration killGrace,
    long outputLimit,
    ErkJson json,
    @Nullable Executor callbackExecutor,
    System.Logger logger,
    @Nullable ErkGeneration generation,
    boolean coalesce,
    CallObservation observation,
    WarmSettings warm) {}
