/**
 * The erk-client implementation that runs the {@code erk} executable: {@link
 * dev.erk.client.cli.CliErkClient}, and {@link dev.erk.client.cli.ErkJson} for erk's JSON.
 *
 * <p>Processes are spawned with NuProcess; JSON is decoded with Jackson. The package
 * {@code dev.erk.client.cli.internal} is not part of the API.
 */
module dev.erk.client.cli {
  requires transitive dev.erk.client;
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires com.zaxxer.nuprocess;
  requires com.sun.jna;

  exports dev.erk.client.cli;
}
