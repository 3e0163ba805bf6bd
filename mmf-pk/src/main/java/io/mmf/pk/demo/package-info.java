/**
 * A runnable walk through mmf-pk ({@code ./mvnw -q -pl mmf-pk -am compile exec:java}); not exported.
 */
package io.mmf.pk.demo;
