package io.mmf.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Input CSV files with a header row, read whole and checked before use: only regular files (a pipe or a
 * device is refused, so nothing can block or fill memory), at most {@value #MAX_MIB} MiB, UTF-8 with or
 * without a byte-order mark, column names unique. Every error names the file, the line and the column.
 */
final class CsvInput {
  /** Largest input file, MiB. */
  static final int MAX_MIB = 64;
  /** Longest text cell (a subject id), characters. */
  static final int MAX_TEXT = 256;

  /** A number in decimal notation, e.g. 12, -0.5, 1e3, 2.5E-2 (possessive: no backtracking on long cells). */
  static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("[+-]?+(?:[0-9]++(?:\\.[0-9]*+)?+|\\.[0-9]++)(?:[eE][+-]?+[0-9]++)?+");
  /** Longest cell read as a number, characters. */
  static final int MAX_NUMBER = 64;

  private final Path file;
  private final List<String> header;
  private final Map<String, Integer> columns = new HashMap<>();
  private final List<CSVRecord> records;
  /** Character offset at which each line starts. */
  private final int[] lineStarts;

  private CsvInput(Path file, List<String> header, List<CSVRecord> records, int[] lineStarts) {
    this.file = file;
    this.header = header;
    this.records = records;
    this.lineStarts = lineStarts;
    for (int i = 0; i < header.size(); i++) {
      columns.put(header.get(i), i);
    }
  }

  /**
   * Reads a CSV file with a header row.
   *
   * @param file the file
   * @param what what the file holds, for messages (e.g. "levels")
   * @return the table
   * @throws IllegalArgumentException if the file is missing, not a regular file, too large, not UTF-8, not
   *     CSV, or has a repeated column name; the message names the file, the line and the column
   */
  static CsvInput read(Path file, String what) {
    String text = text(file, what);
    int[] lineStarts = lineStarts(text);
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).build();
    try (CSVParser parser = format.parse(new StringReader(text))) {
      List<String> header = parser.getHeaderNames();
      for (int i = 0; i < header.size(); i++) {
        int first = header.indexOf(header.get(i));
        if (first < i) {
          throw new IllegalArgumentException(file + ":1:" + (i + 1) + ": column " + Text.quoted(header.get(i))
              + " repeats column " + (first + 1) + " (expected unique column names)");
        }
      }
      return new CsvInput(file, List.copyOf(header), parser.getRecords(), lineStarts);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      // Commons CSV reports an unterminated quote and the like as "(line N) ..." in its message.
      throw new IllegalArgumentException(file + ": not valid CSV: " + Text.cut(String.valueOf(e.getMessage()), 200),
          e);
    }
  }

  /** The file as text: a regular file, within the size limit, strictly UTF-8, any byte-order mark dropped. */
  private static String text(Path file, String what) {
    byte[] bytes = bytes(file, what);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      int at = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new IllegalArgumentException(file + ":" + line + ":" + (at - lineStart + 1) + ": not valid UTF-8 (byte 0x"
          + String.format("%02x", bytes[at] & 0xff) + "; expected the file saved as UTF-8)");
    }
    out.flip();
    if (out.length() > 0 && out.charAt(0) == '\uFEFF') {
      out.position(1);
    }
    return out.toString();
  }

  /** The bytes of a regular file of at most {@value #MAX_MIB} MiB. */
  private static byte[] bytes(Path file, String what) {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("cannot read " + what + ": no such file " + Text.shown(file.toString()));
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("cannot read " + what + " from " + Text.shown(file.toString()) + ": "
          + (Files.isDirectory(file) ? "it is a directory" : "not a regular file (a pipe, device or socket)")
          + "; expected a CSV file");
    }
    long max = MAX_MIB * 1024L * 1024L;
    try (InputStream in = Files.newInputStream(file)) {
      // read at most one byte past the limit: a file that grows while it is read cannot exhaust memory
      byte[] b = Files.size(file) > max ? null : in.readNBytes((int) max + 1);
      if (b == null || b.length > max) {
        throw new IllegalArgumentException("cannot read " + what + " from " + Text.shown(file.toString())
            + ": larger than " + MAX_MIB + " MiB (expected a smaller file)");
      }
      return b;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("cannot read " + what + ": no such file " + Text.shown(file.toString()), e);
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException("cannot read " + what + " from " + Text.shown(file.toString())
          + ": permission denied", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what + " from " + Text.shown(file.toString()) + ": "
          + Text.shown(e.getMessage()), e);
    }
  }

  private static int[] lineStarts(String text) {
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, 2 * n);
        }
        starts[n++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, n);
  }

  /**
   * The data rows.
   *
   * @return the records, in file order
   */
  List<CSVRecord> records() {
    return records;
  }

  /**
   * The column names.
   *
   * @return the header, in file order
   */
  List<String> header() {
    return header;
  }

  /**
   * Whether a column exists.
   *
   * @param column the name
   * @return true if the header names it
   */
  boolean has(String column) {
    return columns.containsKey(column);
  }

  /**
   * Throws naming the file and the columns it has if a needed column is missing.
   *
   * @param needed the names
   * @param why what needs them, e.g. "the model needs [weightKg]; ", or empty
   */
  void requireColumns(List<String> needed, String why) {
    for (String n : needed) {
      if (!has(n)) {
        throw new IllegalArgumentException(file + ":1: missing column " + Text.quoted(n) + " (" + why + "the file has "
            + Text.shown(String.valueOf(header)) + ")");
      }
    }
  }

  /**
   * Where a cell is: {@code file:line:column}, the line the record starts on.
   *
   * @param r the record
   * @param column the column name
   * @return the position
   */
  String where(CSVRecord r, String column) {
    int line = Arrays.binarySearch(lineStarts, (int) r.getCharacterPosition());
    line = line >= 0 ? line + 1 : -line - 1;
    Integer c = columns.get(column);
    return file + ":" + line + (c == null ? "" : ":" + (c + 1));
  }

  /**
   * A cell's text, empty where the row is short.
   *
   * @param r the record
   * @param column the column
   * @return the trimmed text
   */
  String cell(CSVRecord r, String column) {
    return r.isSet(column) ? r.get(column) : "";
  }

  /**
   * A text cell (an identifier) that is echoed: at most {@value #MAX_TEXT} characters, no control
   * characters.
   *
   * @param r the record
   * @param column the column
   * @return the text
   * @throws IllegalArgumentException naming the file, line and column otherwise
   */
  String text(CSVRecord r, String column) {
    String cell = cell(r, column);
    if (cell.length() > MAX_TEXT || !Text.escape(cell).equals(cell)) {
      throw new IllegalArgumentException(where(r, column) + ": column " + Text.quoted(column) + " (expected at most "
          + MAX_TEXT + " characters and no control characters): " + Text.quoted(cell));
    }
    return cell;
  }

  /**
   * The cell as a number (finite, if asked).
   *
   * @param r the record
   * @param column the column
   * @param finite whether infinities are refused
   * @return the number
   * @throws IllegalArgumentException naming the file, the line and the column otherwise
   */
  double number(CSVRecord r, String column, boolean finite) {
    String cell = cell(r, column);
    double v = decimal(cell);
    if (!Double.isNaN(v) && (!finite || Double.isFinite(v))) {
      return v;
    }
    throw new IllegalArgumentException(where(r, column) + ": column " + Text.quoted(column) + " is not a "
        + (finite ? "finite " : "") + "number: " + Text.quoted(cell));
  }

  /**
   * A number in decimal notation ({@code 12}, {@code -0.5}, {@code 1e3}; Java alone would also take
   * {@code 1d}, {@code 0x1p3} and {@code NaN}).
   *
   * @param text the text, trimmed of spaces
   * @return the number (infinite if it overflows), or NaN if the text is not one
   */
  static double decimal(String text) {
    String t = text.trim();
    return t.length() <= MAX_NUMBER && DECIMAL.matcher(t).matches() ? Double.parseDouble(t) : Double.NaN;
  }

  /**
   * The file's rows as numbers in named columns.
   *
   * @param needed the columns
   * @return one map per row
   */
  List<Map<String, Double>> numbers(List<String> needed) {
    List<Map<String, Double>> rows = new ArrayList<>();
    for (CSVRecord r : records) {
      Map<String, Double> row = new java.util.LinkedHashMap<>();
      for (String n : needed) {
        row.put(n, number(r, n, true));
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * The file, as given.
   *
   * @return the path
   */
  Path file() {
    return file;
  }
}
