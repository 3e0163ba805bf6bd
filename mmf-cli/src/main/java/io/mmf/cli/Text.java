package io.mmf.cli;

/**
 * Text that the tool echoes back (values from the command line or from files, messages that quote
 * them): control characters escaped, so an echoed value cannot move the cursor, set the terminal's
 * title or forge a line, and long values cut to a readable length.
 */
final class Text {
  /** Characters of an echoed value kept before it is cut. */
  static final int SHOWN = 80;
  /** Characters of a whole error message kept before it is cut. */
  static final int MESSAGE = 1000;

  private Text() {}

  /**
   * The text with every control character written as an escape: {@code \n}, {@code \t}, {@code \r},
   * {@code \e} (escape) and {@code \xNN} for the other C0 and C1 controls, {@code \}{@code uNNNN} for
   * DEL, the Unicode format characters that reorder or hide text (bidirectional overrides, zero-width
   * characters), and line or paragraph separators.
   *
   * @param s the text, or null
   * @return the escaped text ("null" for null)
   */
  static String escape(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String e = escaped(c);
      if (e != null && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        if (e != null) {
          b.append(e);
        } else {
          b.append(c);
        }
      }
    }
    return b == null ? s : b.toString();
  }

  private static String escaped(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\t':
        return "\\t";
      case '\r':
        return "\\r";
      case 0x1b:
        return "\\e";
      default:
        break;
    }
    if (c < 0x20 || (c >= 0x80 && c < 0xa0)) {
      return String.format("\\x%02x", (int) c);
    }
    if (c == 0x7f || Character.getType(c) == Character.FORMAT || c == '\u2028' || c == '\u2029') {
      return String.format("\\u%04x", (int) c);
    }
    return null;
  }

  /**
   * The text escaped and, if longer than {@code max} characters, cut with a note of its length.
   *
   * @param s the text, or null
   * @param max characters kept
   * @return the text as it may be shown
   */
  static String cut(String s, int max) {
    if (s == null) {
      return "null";
    }
    if (s.length() <= max) {
      return escape(s);
    }
    return escape(s.substring(0, max)) + "... (" + s.length() + " characters)";
  }

  /**
   * An echoed value as it may be shown: escaped, and cut after {@value #SHOWN} characters.
   *
   * @param s the value, or null
   * @return the value as it may be shown
   */
  static String shown(String s) {
    return cut(s, SHOWN);
  }

  /**
   * An echoed value in single quotes, escaped and cut: {@code 'heavy'}.
   *
   * @param s the value, or null
   * @return the quoted value
   */
  static String quoted(String s) {
    return "'" + shown(s) + "'";
  }
}
