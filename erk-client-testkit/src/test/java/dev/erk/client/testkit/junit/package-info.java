@NullMarked
package dev.erk.client.testkit.junit;

import org.jspecify.annotations.NullMarked;
