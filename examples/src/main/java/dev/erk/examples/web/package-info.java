/**
 * A web dashboard for erk built only on erk-client's public API and the JDK's HTTP server: the plan
 * table, filters, the catalogue's actions, streamed action output over Server-Sent Events, and the
 * detail panels of a plan and an objective. {@link dev.erk.examples.web.DashboardServer} is the
 * entry point.
 */
@NullMarked
package dev.erk.examples.web;

import org.jspecify.annotations.NullMarked;
