/**
 * A test kit for code that uses erk-client: {@link dev.erk.client.testkit.FakeErk} is a real {@code
 * erk} executable whose answers are scripted from Java, in the spirit of OkHttp's MockWebServer and
 * WireMock, but for a command-line tool.
 *
 * <p>The package needs neither JUnit nor a real erk installation; the JUnit 5 layer lives in {@code
 * dev.erk.client.testkit.junit}. Every type here is null-marked: a parameter or return value may be
 * {@code null} only where it is annotated {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package dev.erk.client.testkit;

import org.jspecify.annotations.NullMarked;
