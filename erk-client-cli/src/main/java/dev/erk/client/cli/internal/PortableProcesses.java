package dev.erk.client.cli.internal;

import com.zaxxer.nuprocess.NuProcess;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The {@link ProcessPlatform} of systems without {@code /proc}: only what ProcessHandle knows. */
final class PortableProcesses implements ProcessPlatform {
  static final PortableProcesses INSTANCE = new PortableProcesses();

  private PortableProcesses() {}

  @Override
  public long startTime(long pid) {
    return -1;
  }

  @Override
  public OptionalInt exitCode(long pid, long startTime, boolean outputEnded) {
    return OptionalInt.empty();
  }

  @Override
  public boolean reportsStartFailures() {
    return false;
  }

  @Override
  public boolean isRunning(ProcessHandle process) {
    return process.isAlive();
  }

  @Override
  public @Nullable String pipeOf(NuProcess process, boolean stdout) {
    return null;
  }

  @Override
  public List<ProcessHandle> pipeWriters(Set<String> pipes) {
    return List.of();
  }
}
