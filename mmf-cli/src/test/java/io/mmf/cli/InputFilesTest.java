package io.mmf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input files: read as they are meant, or refused with the file, the line and the column, exit 2. */
class InputFilesTest {
  @TempDir
  Path dir;

  private static final String LEVELS = "subject,time_h,conc_mg_per_l\na,0,0\na,1,10\na,2,8\nb,0,0\nb,1,5\nb,2,3\n";

  private Path file(String name, byte[] content) throws Exception {
    return Files.write(dir.resolve(name), content);
  }

  private Path file(String name, String content) throws Exception {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertBadInput(CliTest.Run r, String... expected) {
    assertEquals(2, r.code(), r.err());
    for (String e : expected) {
      assertTrue(r.err().contains(e), "'" + e + "' in: " + r.err());
    }
    assertFalse(r.err().contains("\tat "), "no stack trace");
  }

  private static List<CSVRecord> rows(String csv) throws Exception {
    return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(new java.io.StringReader(csv))
        .getRecords();
  }

  @Test
  void aByteOrderMarkIsSkippedSoSubjectsStaySeparate() throws Exception {
    byte[] text = LEVELS.getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[text.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bom, 3, text.length);
    CliTest.Run r = CliTest.run("nca", "--input", file("bom.csv", bom).toString());
    assertEquals(0, r.code(), r.err());
    List<CSVRecord> out = rows(r.out());
    assertEquals(List.of("a", "b"), out.stream().map(x -> x.get("subject")).toList());
  }

  @Test
  void aMistypedSubjectColumnIsAnErrorNotOnePooledSubject() throws Exception {
    Path in = file("levels.csv", LEVELS);
    assertBadInput(CliTest.run("nca", "--input", in.toString(), "--subject-column", "subjcet"),
        in + ":1: missing column 'subjcet'", "the file has [subject, time_h, conc_mg_per_l]");
    // without the option, a file with no subject column is one subject
    CliTest.Run one = CliTest.run("nca", "--input", file("one.csv", "time_h,conc_mg_per_l\n0,0\n1,5\n").toString());
    assertEquals(0, one.code(), one.err());
    assertEquals(1, rows(one.out()).size());
  }

  @Test
  void duplicateColumnNamesAreRefusedWithTheirPositions() throws Exception {
    Path in = file("dup.csv", "subject,time_h,time_h,conc_mg_per_l\na,0,1,2\n");
    assertBadInput(CliTest.run("nca", "--input", in.toString()), in + ":1:3: column 'time_h' repeats column 2");
    Path cov = file("cov.csv", "weightKg,weightKg\n70,80\n");
    assertBadInput(CliTest.run("population", "--model", "jiao-2008", "--dose", "1000", "--covariates",
        cov.toString()), cov + ":1:2: column 'weightKg' repeats column 1");
  }

  @Test
  void anEncodingErrorNamesTheFileLineAndColumn() throws Exception {
    byte[] latin1 = "subject,time_h,conc_mg_per_l\nJos\u00e9,0,1\n".getBytes(StandardCharsets.ISO_8859_1);
    Path in = file("latin1.csv", latin1);
    assertBadInput(CliTest.run("nca", "--input", in.toString()), in + ":2:4: not valid UTF-8 (byte 0xe9");
    Path samples = file("s.csv", latin1);
    assertBadInput(CliTest.run("estimate", "--dose", "1000", "--samples", samples.toString()), samples + ":2:4:");
  }

  @Test
  void cellErrorsNameTheLineAndColumnEvenAfterAQuotedLineBreak() throws Exception {
    Path in = file("q.csv", "subject,time_h,conc_mg_per_l,note\na,0,1,\"two\nlines\"\nc,1,x,\n");
    // the quoted note spans lines 2-3; the bad cell is on line 4, column 3
    assertBadInput(CliTest.run("nca", "--input", in.toString()), in + ":4:3: column 'conc_mg_per_l' is not a finite"
        + " number: 'x'");
    Path neg = file("neg.csv", "subject,time_h,conc_mg_per_l\na,-1,1\n");
    assertBadInput(CliTest.run("nca", "--input", neg.toString()), neg + ":2:2: column 'time_h' (expected finite and"
        + " >= 0): -1.0");
    Path unterminated = file("u.csv", "subject,time_h,conc_mg_per_l\n\"a,0,1\n");
    assertBadInput(CliTest.run("nca", "--input", unterminated.toString()), unterminated + ": not valid CSV");
  }

  @Test
  void onlyRegularFilesAreReadSoAPipeCannotHang() throws Exception {
    Path fifo = dir.resolve("levels.csv");
    OutputsTest.mkfifo(fifo);
    CliTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliTest.run("nca", "--input",
        fifo.toString()));
    assertBadInput(r, "cannot read levels from " + fifo + ": not a regular file");
    Path zero = Files.createSymbolicLink(dir.resolve("zero.csv"), Path.of("/dev/zero"));
    assertBadInput(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliTest.run("population", "--dose", "1000",
        "--covariates", zero.toString())), "not a regular file");
    assertBadInput(CliTest.run("nca", "--input", dir.toString()), "it is a directory");
    assertBadInput(CliTest.run("nca", "--input", dir.resolve("none.csv").toString()), "no such file");
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedWithoutReadingIt() throws Exception {
    Path big = dir.resolve("big.csv");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength((CsvInput.MAX_MIB + 1) * 1024L * 1024L); // sparse: no disk used
    }
    assertBadInput(CliTest.run("nca", "--input", big.toString()), "larger than 64 MiB");
  }

  @Test
  void anOutOfRangeCovariateInAFileIsBadInputWithFileLineAndColumn() throws Exception {
    Path cov = file("cov.csv", "creatinineClearanceMlPerMin,albuminGPerL,cyclosporineMgPerDay,female\n"
        + "48,30,450,0\n-1,30,450,0\n");
    assertBadInput(CliTest.run("population", "--dose", "1000", "--covariates", cov.toString()),
        cov + ":3:1: column 'creatinineClearanceMlPerMin' (expected 1 to 250 mL/min): -1.0");
    Path sex = file("sex.csv", "creatinineClearanceMlPerMin,albuminGPerL,cyclosporineMgPerDay,female\n48,30,450,2\n");
    assertBadInput(CliTest.run("population", "--dose", "1000", "--covariates", sex.toString()),
        sex + ":2:4: column 'female' (expected 0 or 1): 2.0");
    Path empty = file("empty.csv", "weightKg\n");
    assertBadInput(CliTest.run("population", "--model", "jiao-2008", "--dose", "1000", "--covariates",
        empty.toString()), "no covariate rows");
  }

  @Test
  void controlCharactersAndLongCellsAreEscapedAndCut() throws Exception {
    // in the middle of the cell: trimming removes leading and trailing control characters
    Path in = file("esc.csv", "subject,time_h,conc_mg_per_l\n\"a\u001b]0;pwned\u0007b\",0,1\n");
    CliTest.Run r = CliTest.run("nca", "--input", in.toString());
    assertBadInput(r, in + ":2:1: column 'subject' (expected at most 256 characters and no control characters):"
        + " 'a\\e]0;pwned\\x07b'");
    assertFalse(r.err().contains("\u001b"));
    String huge = "9".repeat(100_000) + "x";
    Path big = file("cell.csv", "subject,time_h,conc_mg_per_l\na,0," + huge + "\n");
    CliTest.Run cut = CliTest.run("nca", "--input", big.toString());
    assertBadInput(cut, "... (100001 characters)");
    assertTrue(cut.err().length() < 1000, "a readable line, not the cell: " + cut.err().length());
  }
}
