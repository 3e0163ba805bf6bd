/**
 * Argument checks and name lookup shared by the library's types; not part of the API (exported to
 * mmf-pk only, for the one message form of {@link io.mmf.core.internal.Checks}).
 */
package io.mmf.core.internal;
