/**
 * Runnable examples for erk-client: {@link dev.erk.examples.Dashboard} (the plan table), {@link
 * dev.erk.examples.StreamAction} (a streamed action with Ctrl-C cancellation) and {@link
 * dev.erk.examples.AsyncRefresh} (background refresh with change reports) and {@link
 * dev.erk.examples.WebDashboard} (the dashboard as a web page, on the JDK's HTTP server; package
 * {@code dev.erk.examples.web}, which stays internal). Without {@code --erk} each runs on the
 * testkit's {@code FakeErk}, hence the testkit dependency.
 */
module dev.erk.examples {
  requires dev.erk.client;
  requires dev.erk.client.cli;
  requires dev.erk.client.testkit;
  requires com.fasterxml.jackson.databind;
  requires jdk.httpserver;

  exports dev.erk.examples;
}
