/**
 * Response, treatment failure, withdrawal and steroid-sparing criteria, as published for the conditions
 * that define them.
 */
package io.mmf.core.response;
