package io.mmf.pk.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259, through Jackson's streaming parser) that remembers where each value
 * starts, so a model file's errors can name the line. Values: {@code Map<String, Node>},
 * {@code List<Node>}, {@code String}, {@code Double}, {@code Boolean}, or null.
 *
 * <p>Limits keep a hostile document bounded: nesting at most {@value #MAX_DEPTH} deep (Jackson counts
 * without recursion here, so 5,000 nested brackets are an error, not a stack overflow), strings of at
 * most {@value #MAX_STRING} characters, numbers of at most {@value #MAX_NUMBER} digits. Duplicate
 * field names, comments, trailing commas, single quotes, NaN and invalid escapes such as
 * {@code "\}{@code u+041"} are errors. Immutable and thread-safe.
 */
public final class Json {
  /** Deepest nesting of arrays and objects. */
  public static final int MAX_DEPTH = 64;
  /** Longest string, characters. */
  public static final int MAX_STRING = 100_000;
  /** Longest number, characters. */
  public static final int MAX_NUMBER = 100;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING)
          .maxNumberLength(MAX_NUMBER).build())
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private Json() {}

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

    SyntaxException(String message, int line, int column, Throwable cause) {
      super(message + (line > 0 ? " at line " + line + ", column " + column : ""), cause);
      this.line = line;
    }

    /**
     * The line of the error.
     *
     * @return 1-based line, or 0 if unknown
     */
    public int line() {
      return line;
    }
  }

  /**
   * Parses a document given as bytes (UTF-8, UTF-16 or UTF-32, detected as RFC 8259 allows; a
   * byte-order mark is skipped).
   *
   * @param bytes the document
   * @return the root value
   * @throws SyntaxException if the text is not valid JSON or exceeds a limit
   */
  public static Node parse(byte[] bytes) throws SyntaxException {
    try (JsonParser p = FACTORY.createParser(bytes)) {
      return parse(p);
    } catch (IOException e) {
      throw syntax(e);
    }
  }

  private static Node parse(JsonParser p) throws IOException, SyntaxException {
    if (p.nextToken() == null) {
      throw new SyntaxException("unexpected end of file: no value", 1, 1, null);
    }
    Node root;
    try {
      root = tree(p);
    } catch (StreamConstraintsException e) {
      // a limit carries no location of its own: the parser's is where it was reached
      JsonLocation at = p.currentLocation();
      throw new SyntaxException(limit(e.getOriginalMessage()), at.getLineNr(), at.getColumnNr(), e);
    }
    JsonToken after = p.nextToken();
    if (after != null) {
      JsonLocation at = p.currentTokenLocation();
      throw new SyntaxException("unexpected text after the document", at.getLineNr(), at.getColumnNr(), null);
    }
    return root;
  }

  /** The value at the current token, built with an explicit stack (no recursion, whatever the depth). */
  private static Node tree(JsonParser p) throws IOException {
    List<Object> containers = new ArrayList<>();   // Map<String, Node> or List<Node> being filled
    List<String> pendingKeys = new ArrayList<>();   // the field each open container will be stored under
    List<JsonLocation> starts = new ArrayList<>();
    Node done = null;
    String key = null;
    while (true) {
      JsonToken t = p.currentToken();
      JsonLocation at = p.currentTokenLocation();
      Node value = null;
      switch (t) {
        case START_OBJECT, START_ARRAY -> {
          containers.add(t == JsonToken.START_OBJECT ? new LinkedHashMap<String, Node>() : new ArrayList<Node>());
          pendingKeys.add(key);
          starts.add(at);
          key = null;
        }
        case END_OBJECT, END_ARRAY -> {
          int top = containers.size() - 1;
          Object c = containers.remove(top);
          JsonLocation start = starts.remove(top);
          key = pendingKeys.remove(top);
          @SuppressWarnings("unchecked")
          Object frozen = c instanceof Map ? Collections.unmodifiableMap((Map<String, Node>) c)
              : Collections.unmodifiableList((List<Node>) c);
          value = new Node(frozen, start.getLineNr(), start.getColumnNr());
        }
        case FIELD_NAME -> key = p.currentName();
        case VALUE_STRING -> value = node(p.getText(), at);
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> value = node(p.getDoubleValue(), at);
        case VALUE_TRUE -> value = node(Boolean.TRUE, at);
        case VALUE_FALSE -> value = node(Boolean.FALSE, at);
        case VALUE_NULL -> value = node(null, at);
        default -> throw new JsonParseException(p, "unexpected token " + t);
      }
      if (value != null) {
        if (containers.isEmpty()) {
          done = value;
        } else {
          Object parent = containers.get(containers.size() - 1);
          if (parent instanceof Map) {
            @SuppressWarnings("unchecked")
            Map<String, Node> map = (Map<String, Node>) parent;
            map.put(key, value);
            key = null;
          } else {
            @SuppressWarnings("unchecked")
            List<Node> list = (List<Node>) parent;
            list.add(value);
          }
        }
      }
      if (done != null) {
        return done;
      }
      p.nextToken();
    }
  }

  private static Node node(Object value, JsonLocation at) {
    return new Node(value, at.getLineNr(), at.getColumnNr());
  }

  private static SyntaxException syntax(IOException e) {
    if (e instanceof JsonProcessingException j) {
      JsonLocation at = j.getLocation();
      String message = j.getOriginalMessage();
      if (e instanceof StreamConstraintsException) {
        message = limit(message);
      }
      int line = at == null ? 0 : at.getLineNr();
      int column = at == null ? 0 : at.getColumnNr();
      return new SyntaxException(firstLine(message), Math.max(line, 0), Math.max(column, 0), e);
    }
    return new SyntaxException(firstLine(String.valueOf(e.getMessage())), 0, 0, e);
  }

  private static String limit(String message) {
    return "exceeds a limit of this reader (nesting at most " + MAX_DEPTH + " deep, strings at most " + MAX_STRING
        + " characters, numbers at most " + MAX_NUMBER + " characters): " + firstLine(message);
  }

  /** Jackson's messages add the source and a hint on further lines; the first line says what is wrong. */
  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
