/**
 * Typed queries for the data behind erk's dashboard screens: a plan's review threads, feedback,
 * pull request, plan header, CI failure summaries and event log, an objective's roadmap and checks.
 * Build a {@link dev.erk.client.details.DetailQuery} with one of its factories and pass it to
 * {@link dev.erk.client.ErkClient#fetch}.
 *
 * <p>Every result is an immutable record: times are {@code java.time} values, a component is {@link
 * org.jspecify.annotations.Nullable} only where erk sends null (or a generation omits the key), and
 * keys this version does not know are kept in {@code extras()}.
 */
@NullMarked
package dev.erk.client.details;

import org.jspecify.annotations.NullMarked;
