/**
 * The {@code mmf} command-line tool: one class per command, options shared between commands, charts and
 * CSV output written whole or not at all. Exit codes: 0 success, 2 bad input, 1 a failed run.
 */
package io.mmf.cli;
