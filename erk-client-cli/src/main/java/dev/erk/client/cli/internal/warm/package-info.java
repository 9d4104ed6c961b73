/**
 * Warm erk: long-lived Python workers that answer calls without paying erk's start-up. Not
 * exported; the protocol is described in the repository's {@code docs/warm-protocol.md}.
 */
@org.jspecify.annotations.NullMarked
package dev.erk.client.cli.internal.warm;
