/**
 * {@link dev.erk.client.cli.CliErkClient}, the {@link dev.erk.client.ErkClient} that runs the real
 * erk executable, and {@link dev.erk.client.cli.ErkJson}, which reads and writes erk's JSON.
 */
@NullMarked
package dev.erk.client.cli;

import org.jspecify.annotations.NullMarked;
