/**
 * mmf-core's root: what every package of the clinical model shares ({@link io.mmf.core.UnknownNameException},
 * the error for a name no catalog knows, with the closest known names).
 */
package io.mmf.core;
