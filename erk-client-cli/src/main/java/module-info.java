/**
 * The erk-client implementation that runs the {@code erk} executable: {@link
 * dev.erk.client.cli.CliErkClient}, and {@link dev.erk.client.cli.ErkJson} for erk's JSON.
 *
 * <p>Processes are spawned with NuProcess; JSON is decoded with Jackson. The package {@code
 * dev.erk.client.cli.internal} is not part of the API.
 */
@SuppressWarnings("module") // the testkit, target of a qualified export, is not built yet
module dev.erk.client.cli {
  requires transitive dev.erk.client;
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires com.zaxxer.nuprocess;
  requires com.sun.jna;
  requires java.logging;

  exports dev.erk.client.cli;
  exports dev.erk.client.cli.internal to
      dev.erk.client.testkit;
}
