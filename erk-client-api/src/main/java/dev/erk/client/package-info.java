/**
 * The erk-client API: {@link dev.erk.client.ErkClient}, the plan rows it returns, the catalogue of
 * dashboard actions ({@link dev.erk.client.DashboardAction}) and the typed exceptions rooted at
 * {@link dev.erk.client.ErkException}.
 *
 * <p>Every type here is null-marked: a parameter or return value may be {@code null} only where it
 * is annotated {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.erk.client;

import org.jspecify.annotations.NullMarked;
