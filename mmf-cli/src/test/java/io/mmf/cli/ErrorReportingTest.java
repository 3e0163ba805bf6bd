package io.mmf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Errors are one escaped line of readable length on stderr, with the stack trace only under --verbose. */
class ErrorReportingTest {
  private static void assertNoControlCharacters(String text) {
    for (char c : text.toCharArray()) {
      assertFalse(c < 0x20 && c != '\n' && c != '\r' || c == 0x7f || (c >= 0x80 && c < 0xa0),
          "control character U+" + Integer.toHexString(c) + " in: " + text);
    }
  }

  @Test
  void anEchoedNameCannotSetTheTerminalTitle() {
    CliTest.Run r = CliTest.run("conditions", "show", "\u001b]0;pwned\u0007");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Unknown condition: '\\e]0;pwned\\x07'"), r.err());
    assertNoControlCharacters(r.err());
    CliTest.Run option = CliTest.run("simulate", "--model", "van-hest-2005", "--dose", "1000", "--x\u001b[2J");
    assertEquals(2, option.code());
    assertTrue(option.err().contains("--x\\e[2J"), option.err());
    assertNoControlCharacters(option.err());
    CliTest.Run model = CliTest.run("simulate", "--model", "evil\u009b31m", "--dose", "1000");
    assertTrue(model.err().contains("'evil\\x9b31m'"), model.err());
    assertNoControlCharacters(model.err());
  }

  @Test
  void aHugeValueIsCutToAReadableLine() {
    String huge = "x".repeat(10_000_000);
    CliTest.Run r = CliTest.run("simulate", "--model", huge, "--dose", "1000");
    assertEquals(2, r.code());
    assertTrue(r.err().length() < 2 * Text.MESSAGE, "length " + r.err().length());
    assertTrue(r.err().contains("... ("), r.err());
    CliTest.Run cond = CliTest.run("conditions", "show", huge);
    assertEquals(2, cond.code());
    assertTrue(cond.err().length() < 2 * Text.MESSAGE, "length " + cond.err().length());
  }

  @Test
  void theStackTraceOnlyWithVerbose() {
    CliTest.Run quiet = CliTest.run("simulate", "--model", "none", "--dose", "1000");
    assertEquals(2, quiet.code());
    assertEquals(1, quiet.err().lines().count(), quiet.err());
    CliTest.Run verbose = CliTest.run("--verbose", "simulate", "--model", "none", "--dose", "1000");
    assertTrue(verbose.err().contains("\tat io.mmf"), verbose.err());
  }

  @Test
  void escapesCoverEveryControlAndFormatCharacter() {
    assertEquals("a\\nb\\tc\\rd\\e\\x00", Text.escape("a\nb\tc\rd\u001b\u0000"));
    assertEquals("\\u007f\\x85\\u202e\\u200b\\u2028", Text.escape("\u007f\u0085\u202e\u200b\u2028"));
    assertEquals("plain text, \u00e9 and \u4e2d", Text.escape("plain text, \u00e9 and \u4e2d"));
    assertEquals("abc... (5 characters)", Text.cut("abcde", 3));
    assertEquals("'abc'", Text.quoted("abc"));
  }
}
