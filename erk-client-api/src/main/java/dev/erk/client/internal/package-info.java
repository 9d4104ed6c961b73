/**
 * Helpers erk-client's own modules share; not part of the API. {@code module-info} exports this
 * package only to {@code dev.erk.client.cli} and {@code dev.erk.client.testkit}.
 */
@NullMarked
package dev.erk.client.internal;

import org.jspecify.annotations.NullMarked;
