/**
 * What every rule reports: a {@link io.mmf.core.finding.Finding} with its severity, the action it asks for
 * and the source it rests on.
 */
package io.mmf.core.finding;
