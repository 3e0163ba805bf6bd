package io.mmf.pk.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259) that remembers where each value starts, so a model file's errors can
 * name the line. Values: {@code Map<String, Node>}, {@code List<Node>}, {@code String}, {@code Double},
 * {@code Boolean}, or null.
 */
public final class Json {

  /**
   * A parsed value and where it starts.
   *
   * @param value the value
   * @param line 1-based line
   * @param column 1-based column
   */
  public record Node(Object value, int line, int column) {}

  /** A syntax error at a position. */
  public static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    SyntaxException(String message, int line, int column) {
      super(message + " at line " + line + ", column " + column);
      this.line = line;
    }

    /**
     * The line of the error.
     *
     * @return 1-based line
     */
    public int line() {
      return line;
    }
  }

  private final String text;
  private int pos;
  private int line = 1;
  private int lineStart;

  private Json(String text) {
    this.text = text;
  }

  /**
   * Parses a document.
   *
   * @param text the JSON text
   * @return the root value
   * @throws SyntaxException if the text is not valid JSON
   */
  public static Node parse(String text) throws SyntaxException {
    Json p = new Json(text);
    p.skipSpace();
    Node root = p.value();
    p.skipSpace();
    if (p.pos < text.length()) {
      throw p.error("unexpected text after the document");
    }
    return root;
  }

  private SyntaxException error(String message) {
    return new SyntaxException(message, line, pos - lineStart + 1);
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        line++;
        lineStart = pos + 1;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private Node value() throws SyntaxException {
    if (pos >= text.length()) {
      throw error("unexpected end of file");
    }
    int l = line;
    int col = pos - lineStart + 1;
    char c = text.charAt(pos);
    Object v;
    switch (c) {
      case '{' -> v = object();
      case '[' -> v = array();
      case '"' -> v = string();
      case 't' -> v = literal("true", Boolean.TRUE);
      case 'f' -> v = literal("false", Boolean.FALSE);
      case 'n' -> v = literal("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          v = number();
        } else {
          throw error("unexpected character '" + c + "'");
        }
      }
    }
    return new Node(v, l, col);
  }

  private Object literal(String word, Object v) throws SyntaxException {
    if (!text.startsWith(word, pos)) {
      throw error("expected " + word);
    }
    pos += word.length();
    return v;
  }

  private Map<String, Node> object() throws SyntaxException {
    Map<String, Node> map = new LinkedHashMap<>();
    pos++;
    skipSpace();
    if (peek() == '}') {
      pos++;
      return Collections.unmodifiableMap(map);
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("expected a field name in double quotes");
      }
      String key = string();
      skipSpace();
      expect(':');
      skipSpace();
      if (map.containsKey(key)) {
        throw error("duplicate field '" + key + "'");
      }
      map.put(key, value());
      skipSpace();
      char c = peek();
      pos++;
      if (c == '}') {
        return Collections.unmodifiableMap(map);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Node> array() throws SyntaxException {
    List<Node> list = new ArrayList<>();
    pos++;
    skipSpace();
    if (peek() == ']') {
      pos++;
      return List.copyOf(list);
    }
    while (true) {
      skipSpace();
      list.add(value());
      skipSpace();
      char c = peek();
      pos++;
      if (c == ']') {
        return Collections.unmodifiableList(list);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or ']'");
      }
    }
  }

  private char peek() throws SyntaxException {
    if (pos >= text.length()) {
      throw error("unexpected end of file");
    }
    return text.charAt(pos);
  }

  private void expect(char c) throws SyntaxException {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private String string() throws SyntaxException {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = peek();
      pos++;
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        pos--;
        throw error("control character in string");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = peek();
      pos++;
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("incomplete \\u escape");
          }
          try {
            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          } catch (NumberFormatException ex) {
            throw error("bad \\u escape");
          }
          pos += 4;
        }
        default -> throw error("bad escape '\\" + e + "'");
      }
    }
  }

  private Double number() throws SyntaxException {
    int start = pos;
    if (text.charAt(pos) == '-') {
      pos++;
    }
    while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    String s = text.substring(start, pos);
    if (!s.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      pos = start;
      throw error("bad number '" + s + "'");
    }
    return Double.valueOf(s);
  }
}
