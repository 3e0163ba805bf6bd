/**
 * Where every clinical number comes from: a {@link io.mmf.core.source.Source} with how it was verified
 * (read in the primary source, in a secondary one, or recalled).
 */
package io.mmf.core.source;
