/**
 * JUnit 5 support for the erk-client test kit: {@link dev.erk.client.testkit.junit.ErkTest} on a
 * test class, or a {@link dev.erk.client.testkit.junit.FakeErkExtension} registered with
 * {@code @RegisterExtension}, gives each test a fresh {@link dev.erk.client.testkit.FakeErk} (and a
 * client pointed at it) and fails the test when an invocation matched no stub.
 *
 * <p>Needs {@code junit-jupiter-api} 5.x on the test class path; the rest of the test kit does not.
 */
@NullMarked
package dev.erk.client.testkit.junit;

import org.jspecify.annotations.NullMarked;
