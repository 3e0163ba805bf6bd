/**
 * A runnable walk through the clinical model ({@code ./mvnw -q -pl mmf-core compile exec:java}); not
 * exported.
 */
package io.mmf.core.demo;
