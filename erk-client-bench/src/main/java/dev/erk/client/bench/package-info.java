/**
 * Performance benchmarks for erk-client: a hand-written harness (warm-up, interleaved runs, medians
 * and percentiles) that prints one {@code name value unit} line per figure. Run by {@link
 * dev.erk.client.bench.Bench}; never part of the test suite.
 */
@NullMarked
package dev.erk.client.bench;

import org.jspecify.annotations.NullMarked;
