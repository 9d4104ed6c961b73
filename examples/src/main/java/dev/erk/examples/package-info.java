/** Runnable examples for erk-client. */
@org.jspecify.annotations.NullMarked
package dev.erk.examples;
