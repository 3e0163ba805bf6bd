package io.mmf.cli;

import java.io.IOException;
import java.io.InputStream;
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
 * Input CSV files with a header row, checked before use: only regular files (a pipe or a device is
 * refused, so nothing can block or fill memory), at most {@value #MAX_MIB} MiB when read whole, UTF-8 with
 * or without a byte-order mark, column names unique. Every error names the file, the line and the
 * column. {@link #read} reads a table whole; {@link Rows} reads a file row by row in constant memory (a
 * dataset of any length), through the same decoding, header and line checks.
 */
final class CsvInput {
  /** Largest input file read whole, MiB. */
  static final int MAX_MIB = 64;
  /** Largest input file read row by row, MiB. */
  static final int MAX_STREAMED_MIB = 4096;
  /** Longest text cell (a subject id), characters. */
  static final int MAX_TEXT = 256;

  private final Path file;
  private final List<String> header;
  private final Map<String, Integer> columns = new HashMap<>();
  private final List<CSVRecord> records;
  /** The line each record starts on, by record number - 1. */
  private final long[] lines;

  private CsvInput(Path file, List<String> header, List<CSVRecord> records, long[] lines) {
    this.file = file;
    this.header = header;
    this.records = records;
    this.lines = lines;
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
    try (Rows rows = Rows.open(file, what, MAX_MIB)) {
      List<CSVRecord> records = new ArrayList<>();
      long[] lines = new long[16];
      while (rows.hasNext()) {
        CSVRecord r = rows.next();
        if (records.size() == lines.length) {
          lines = Arrays.copyOf(lines, 2 * lines.length);
        }
        lines[records.size()] = rows.line(r);
        records.add(r);
      }
      return new CsvInput(file, rows.header(), records, Arrays.copyOf(lines, records.size()));
    }
  }

  /**
   * A CSV file read row by row: the header at once, then one record at a time, each with the line it
   * starts on; memory does not grow with the file. Not thread-safe.
   */
  static final class Rows implements AutoCloseable, java.util.Iterator<CSVRecord> {
    private final Path file;
    private final Utf8Reader reader;
    private final CSVParser parser;
    private final java.util.Iterator<CSVRecord> records;
    private final List<String> header;

    private Rows(Path file, Utf8Reader reader, CSVParser parser, List<String> header) {
      this.file = file;
      this.reader = reader;
      this.parser = parser;
      this.records = parser.iterator();
      this.header = header;
    }

    /**
     * Opens a file and reads its header.
     *
     * @param file the file
     * @param what what it holds, for messages
     * @param maxMib the largest size accepted, MiB
     * @return the rows
     * @throws IllegalArgumentException as {@link CsvInput#read}
     */
    static Rows open(Path file, String what, int maxMib) {
      InputStream in = stream(file, what, maxMib);
      Utf8Reader reader = new Utf8Reader(file, in, maxMib * 1024L * 1024L, what);
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
          .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).build();
      try {
        CSVParser parser = new CSVParser(reader, format);
        List<String> header = parser.getHeaderNames();
        for (int i = 0; i < header.size(); i++) {
          int first = header.indexOf(header.get(i));
          if (first < i) {
            parser.close();
            throw new IllegalArgumentException(file + ":1:" + (i + 1) + ": column " + Text.quoted(header.get(i))
                + " repeats column " + (first + 1) + " (expected unique column names)");
          }
        }
        return new Rows(file, reader, parser, List.copyOf(header));
      } catch (IOException | UncheckedIOException | IllegalStateException e) {
        close(in);
        throw invalid(file, e);
      } catch (RuntimeException e) {
        close(in);
        throw e;
      }
    }

    private static void close(InputStream in) {
      try {
        in.close();
      } catch (IOException ignored) {
        // the error being reported is the one that matters
      }
    }

    /** The column names, in file order. */
    List<String> header() {
      return header;
    }

    @Override
    public boolean hasNext() {
      try {
        return records.hasNext();
      } catch (UncheckedIOException | IllegalStateException e) {
        throw invalid(file, e);
      }
    }

    @Override
    public CSVRecord next() {
      try {
        return records.next();
      } catch (UncheckedIOException | IllegalStateException e) {
        throw invalid(file, e);
      }
    }

    /**
     * The line a record starts on; records must be asked in the order they were read.
     *
     * @param r the record last read (or an earlier one not yet asked)
     * @return the 1-based line
     */
    long line(CSVRecord r) {
      return reader.lineAt(r.getCharacterPosition());
    }

    @Override
    public void close() {
      try {
        parser.close();
      } catch (IOException ignored) {
        // nothing was written: closing an input cannot lose data
      }
    }
  }

  /** A read error of the decoder or the parser as one message that names the file (and the line). */
  private static IllegalArgumentException invalid(Path file, Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Utf8Reader.Invalid bad) {
        return new IllegalArgumentException(bad.getMessage(), e);
      }
    }
    // Commons CSV reports an unterminated quote and the like as "(line N) ..." in its message.
    return new IllegalArgumentException(file + ": not valid CSV: " + Text.cut(String.valueOf(e.getMessage()), 200), e);
  }

  /** An open regular file of at most {@code maxMib} MiB (checked again while it is read). */
  private static InputStream stream(Path file, String what, int maxMib) {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("cannot read " + what + ": no such file " + Text.shown(file.toString()));
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("cannot read " + what + " from " + Text.shown(file.toString()) + ": "
          + (Files.isDirectory(file) ? "it is a directory" : "not a regular file (a pipe, device or socket)")
          + "; expected a CSV file");
    }
    try {
      if (Files.size(file) > maxMib * 1024L * 1024L) {
        throw tooLarge(file, what, maxMib);
      }
      return Files.newInputStream(file);
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

  private static IllegalArgumentException tooLarge(Path file, String what, long maxMib) {
    return new IllegalArgumentException("cannot read " + what + " from " + Text.shown(file.toString())
        + ": larger than " + maxMib + " MiB (expected a smaller file)");
  }

  /**
   * Strict UTF-8 text of a byte stream, a leading byte-order mark dropped, read in chunks: an invalid byte
   * is an error naming its line and column, a stream that grows past the limit while it is read an error
   * too. It remembers where lines start (from the last position asked for on), so that a record's
   * character position gives its line.
   */
  private static final class Utf8Reader extends java.io.Reader {
    /** A decoding or size error, carried through the CSV parser as an IOException. */
    static final class Invalid extends IOException {
      private static final long serialVersionUID = 1L;

      Invalid(String message) {
        super(message);
      }
    }

    private final Path file;
    private final InputStream in;
    private final long maxBytes;
    private final String what;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private boolean eof;
    private boolean first = true;
    private long bytesRead;
    /** Line of the next byte to decode, and the byte offset its line starts at (for error columns). */
    private long byteLine = 1;
    private long byteLineStart;
    private long byteOffset;
    /** Characters handed out so far, and the character positions of line starts not yet asked about. */
    private long charsOut;
    private long[] starts = new long[64];
    private int head;
    private int tail;
    private long line = 1;

    Utf8Reader(Path file, InputStream in, long maxBytes, String what) {
      this.file = file;
      this.in = in;
      this.maxBytes = maxBytes;
      this.what = what;
      chars.flip();
    }

    long lineAt(long charPosition) {
      while (head < tail && starts[head] <= charPosition) {
        head++;
        line++;
      }
      return line;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      while (!chars.hasRemaining()) {
        if (!fill()) {
          return -1;
        }
      }
      int n = Math.min(length, chars.remaining());
      chars.get(buffer, offset, n);
      for (int i = 0; i < n; i++) {
        if (buffer[offset + i] == '\n') {
          if (tail == starts.length) {
            if (head > 0) {
              System.arraycopy(starts, head, starts, 0, tail - head);
              tail -= head;
              head = 0;
            } else {
              starts = Arrays.copyOf(starts, 2 * starts.length);
            }
          }
          starts[tail++] = charsOut + i + 1;
        }
      }
      charsOut += n;
      return n;
    }

    /** Decodes the next chunk into {@code chars}; false at the end. */
    private boolean fill() throws IOException {
      if (eof && bytes.position() == 0) { // write mode: position() bytes wait to be decoded
        return false;
      }
      if (!eof) {
        int got = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (got < 0) {
          eof = true;
        } else {
          bytesRead += got;
          if (bytesRead > maxBytes) {
            throw new Invalid(tooLarge(file, what, maxBytes / (1024 * 1024)).getMessage());
          }
          bytes.position(bytes.position() + got);
        }
      }
      bytes.flip();
      chars.clear();
      int before = bytes.position();
      CoderResult r = decoder.decode(bytes, chars, eof);
      if (!r.isError() && eof && !bytes.hasRemaining()) {
        r = decoder.flush(chars);
      }
      count(before, bytes.position());
      if (r.isError()) {
        int at = bytes.position();
        throw new Invalid(file + ":" + byteLine + ":" + (byteOffset - byteLineStart + 1) + ": not valid UTF-8 (byte 0x"
            + String.format("%02x", bytes.get(at) & 0xff) + "; expected the file saved as UTF-8)");
      }
      bytes.compact();
      chars.flip();
      if (first && chars.hasRemaining()) {
        first = false;
        if (chars.get(chars.position()) == '\uFEFF') {
          chars.get();
        }
      }
      return true;
    }

    /** Counts the lines of the bytes in [from, to) of the buffer. */
    private void count(int from, int to) {
      for (int i = from; i < to; i++) {
        byteOffset++;
        if (bytes.get(i) == '\n') {
          byteLine++;
          byteLineStart = byteOffset;
        }
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
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
    long line = lines[(int) r.getRecordNumber() - 1];
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
    return io.mmf.pk.data.DatasetReader.decimal(text);
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
