/** Implementation details of the CLI-backed client; not exported. */
@org.jspecify.annotations.NullMarked
package dev.erk.client.cli.internal;
