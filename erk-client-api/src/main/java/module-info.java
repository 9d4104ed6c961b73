/**
 * The public API of erk-client: the {@link dev.erk.client.ErkClient} interface and its values.
 *
 * <p>This module depends on JSpecify and the JDK only, so an IDE plugin can compile against it
 * without Jackson or NuProcess. The implementation that runs the real {@code erk} executable is the
 * {@code dev.erk.client.cli} module.
 */
// The internal package is exported to the cli and testkit modules, built after this one.
@SuppressWarnings("module")
module dev.erk.client {
  requires transitive org.jspecify;

  exports dev.erk.client;
  exports dev.erk.client.details;
  exports dev.erk.client.internal to
      dev.erk.client.cli,
      dev.erk.client.testkit;
}
