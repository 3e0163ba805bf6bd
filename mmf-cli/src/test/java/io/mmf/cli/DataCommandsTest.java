package io.mmf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Drug;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.model.Presets;
import io.mmf.pk.solve.ExactSolver;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset commands end to end: simulate --data on the sample and on bad files. */
class DataCommandsTest {
  @TempDir
  Path dir;

  static final Path SAMPLE = Path.of("../docs/data/sample.csv");

  private static List<CSVRecord> csv(Path file) throws Exception {
    try (Reader r = Files.newBufferedReader(file)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
    }
  }

  @Test
  void simulateWritesEveryRowUnchangedWithIpredTadAndPred() throws Exception {
    Path out = dir.resolve("out.csv");
    CliTest.Run r = CliTest.run("simulate", "--model", "de-winter-2008", "--data", SAMPLE.toString(), "--output",
        out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Simulated 4 subject(s), 46 rows, on de Winter 2008"), r.out());
    List<String> in = Files.readAllLines(SAMPLE);
    List<String> written = Files.readAllLines(out);
    assertEquals(in.size(), written.size());
    assertEquals(in.get(0) + ",IPRED,TAD", written.get(0));
    for (int i = 1; i < in.size(); i++) {
      assertTrue(written.get(i).startsWith(in.get(i) + ","), "row " + i + " unchanged: " + written.get(i));
    }
    // subject 3 switches from MMF to EC-MPS: its IPRED equals the engine on the same records, built by hand
    DoseRecords records = DoseRecords.of(
        DoseRecord.dose(8, Drug.MYCOPHENOLATE_MOFETIL, 1000).withAdditionalDoses(5, 12),
        DoseRecord.dose(80, Drug.MYCOPHENOLATE_SODIUM, 720).withAdditionalDoses(5, 12), DoseRecord.observation(152),
        DoseRecord.dose(152, Drug.MYCOPHENOLATE_SODIUM, 720), DoseRecord.observation(152.33),
        DoseRecord.observation(153), DoseRecord.observation(155));
    double[] engine = new ExactSolver().observe(Presets.deWinter2008(), records).analyteConcentrationsMgPerL(0);
    List<Double> ipred = new ArrayList<>();
    List<Double> tad = new ArrayList<>();
    for (CSVRecord rec : csv(out)) {
      if (rec.get("ID").equals("3") && rec.get("EVID").equals("0")) {
        ipred.add(Double.parseDouble(rec.get("IPRED")));
        tad.add(Double.parseDouble(rec.get("TAD")));
      }
      if (!rec.get("EVID").equals("0")) {
        assertEquals("", rec.get("IPRED"), "a dose row has no IPRED");
      }
    }
    for (int i = 0; i < engine.length; i++) {
      assertEquals(engine[i], ipred.get(i), 1e-12 * engine[i]);
    }
    assertEquals(12, tad.get(0), 1e-9, "the trough before the dose at 152 h: 12 h after the additional dose at 140 h");
    assertEquals(0.33, tad.get(1), 1e-9);
  }

  @Test
  void aModelWithAPopulationAddsPredAndReadsItsCovariatesFromTheRows() throws Exception {
    Path data = Files.writeString(dir.resolve("d.csv"), """
        ID,TIME,AMT,creatinineClearanceMlPerMin,ETA1,ETA2,ETA3,ETA4
        1,0,1000,48,0,0,0,0
        1,2,0,,0,0,0,0
        2,0,1000,20,0,0.3,0,0
        2,2,0,,0,0.3,0,0
        """);
    Path out = dir.resolve("o.csv");
    CliTest.Run r = CliTest.run("simulate", "--data", data.toString(), "--output", out.toString());
    assertEquals(0, r.code(), r.err());
    List<CSVRecord> rows = csv(out);
    assertEquals(List.of("ID", "TIME", "AMT", "creatinineClearanceMlPerMin", "ETA1", "ETA2", "ETA3", "ETA4", "IPRED",
        "TAD", "PRED"), rows.get(0).getParser().getHeaderNames());
    double typical48 = new ExactSolver().observe(Presets.vanHest2005(), DoseRecords.of(
        DoseRecord.dose(0, Drug.MYCOPHENOLATE_MOFETIL, 1000), DoseRecord.observation(2))).concentrationMgPerL(0);
    assertEquals(typical48, Double.parseDouble(rows.get(1).get("IPRED")), 1e-12);
    assertEquals(typical48, Double.parseDouble(rows.get(1).get("PRED")), 1e-12, "ETAs of 0: IPRED is PRED");
    double ipred = Double.parseDouble(rows.get(3).get("IPRED"));
    double pred = Double.parseDouble(rows.get(3).get("PRED"));
    assertTrue(ipred < pred, "a clearance 35 % higher lowers IPRED below PRED: " + ipred + " vs " + pred);
    double typical20 = new ExactSolver().observe(Presets.vanHest2005(new Presets.VanHestCovariates(20, 30, 450,
        false)), DoseRecords.of(DoseRecord.dose(0, Drug.MYCOPHENOLATE_MOFETIL, 1000), DoseRecord.observation(2)))
        .concentrationMgPerL(0);
    assertEquals(typical20, pred, 1e-12, "PRED of subject 2 is the typical patient with its CLcr");
  }

  /** Bad datasets: content, the message that must be printed (with file:line:column). */
  static List<String[]> badDatasets() {
    return List.of(
        new String[] {"no-time.csv", "ID,TIEM,AMT\n1,0,100\n", "no-time.csv:1:2: missing column 'TIME': is 'TIEM'"},
        new String[] {"text.csv", "ID,TIME,AMT\n1,0,abc\n", "text.csv:2:3: column 'AMT' is not a finite number"},
        new String[] {"negative.csv", "ID,TIME,AMT\n1,-2,100\n", "negative.csv:2:2: TIME -2.0"},
        new String[] {"unsorted.csv", "ID,TIME,AMT\n1,0,100\n1,5,0\n1,4,0\n", "unsorted.csv:4:2: TIME 4.0 is before"},
        new String[] {"ss.csv", "ID,TIME,AMT,SS\n1,0,100,1\n", "ss.csv:2:4: SS 1 without II"},
        new String[] {"addl.csv", "ID,TIME,AMT,ADDL,II\n1,0,100,2,0\n", "addl.csv:2:5: ADDL 2 without II"},
        new String[] {"obs-amt.csv", "ID,TIME,EVID,AMT\n1,0,1,100\n1,1,0,50\n", "obs-amt.csv:3:4: AMT 50 on an EVID 0"},
        new String[] {"empty.csv", "", "empty.csv:1:1: empty dataset"},
        new String[] {"header-only.csv", "ID,TIME,AMT\n", "header-only.csv:2: no rows after the header"},
        new String[] {"latin1.csv", "ID,TIME,AMT\nJos\u00e9,0,100\n", "latin1.csv:2:4: not valid UTF-8"});
  }

  @Test
  void badDatasetsAreRefusedNamingFileLineAndColumnAndWriteNothing() throws Exception {
    for (String[] bad : badDatasets()) {
      Path data = dir.resolve(bad[0]);
      if (bad[0].startsWith("latin1")) {
        Files.write(data, bad[1].getBytes(StandardCharsets.ISO_8859_1));
      } else {
        Files.writeString(data, bad[1]);
      }
      Path out = dir.resolve(bad[0] + ".out");
      CliTest.Run r = CliTest.run("simulate", "--data", data.toString(), "--output", out.toString());
      assertEquals(2, r.code(), bad[0] + ": " + r.err());
      assertTrue(r.err().contains(bad[2]), bad[0] + ": " + r.err());
      assertFalse(r.err().contains("\tat "), "no stack trace");
      assertFalse(Files.exists(out), bad[0] + ": no partial output");
      try (var files = Files.list(dir)) {
        assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
      }
    }
  }

  @Test
  void unsortedTimesAreSortedWhenAskedAndWrittenInInputOrder() throws Exception {
    Path data = Files.writeString(dir.resolve("u.csv"), "ID,TIME,AMT\n1,5,0\n1,0,1000\n");
    Path out = dir.resolve("u.out.csv");
    CliTest.Run r = CliTest.run("simulate", "--data", data.toString(), "--sort-times", "--output", out.toString());
    assertEquals(0, r.code(), r.err());
    List<CSVRecord> rows = csv(out);
    assertEquals("5", rows.get(0).get("TIME"));
    assertEquals(5.0, Double.parseDouble(rows.get(0).get("TAD")));
  }

  @Test
  void aByteOrderMarkIsReadAsNothing() throws Exception {
    Path data = Files.writeString(dir.resolve("bom.csv"), "\uFEFFID,TIME,AMT\n1,0,1000\n1,2,0\n");
    Path out = dir.resolve("bom.out.csv");
    CliTest.Run r = CliTest.run("simulate", "--data", data.toString(), "--output", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("ID,TIME,AMT,IPRED,TAD,PRED", Files.readAllLines(out).get(0));
  }

  @Test
  void theDatasetIsNeverItsOwnOutput() throws Exception {
    Path data = Files.writeString(dir.resolve("same.csv"), "ID,TIME,AMT\n1,0,1000\n");
    CliTest.Run r = CliTest.run("simulate", "--data", data.toString(), "--output", data.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("it is the --data file"), r.err());
    assertEquals("ID,TIME,AMT\n1,0,1000\n", Files.readString(data));
  }

  @Test
  void rReadsTheWrittenDatasetWithReadCsv() throws Exception {
    Path rscript = Path.of("/usr/bin/Rscript");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(rscript), "R is not installed");
    Path out = dir.resolve("r.csv");
    assertEquals(0, CliTest.run("simulate", "--model", "de-winter-2008", "--data", SAMPLE.toString(), "--output",
        out.toString()).code());
    Process p = new ProcessBuilder(rscript.toString(), "-e", "d <- read.csv('" + out + "'); cat(nrow(d), ncol(d),"
        + " class(d$IPRED), sum(is.na(d$IPRED)), sprintf('%.12g', d$IPRED[13]), '\\n')").redirectErrorStream(true)
        .start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, p.waitFor(), said);
    String ipred13 = csv(out).get(12).get("IPRED");
    assertEquals("46 16 numeric 29 " + String.format(java.util.Locale.ROOT, "%.12g", Double.parseDouble(ipred13)),
        said);
  }

  /** Subject 1 of the sample: its dose times (h from midnight) and its levels (h, mg/L). */
  static final String SUBJECT_1_HISTORY = "8=1000,20.5=1000,32.25=1000,44=1000,55.75=1000,68.5=1000,80=1000,"
      + "92.25=1000,104=1000,116.5=1000,128=1000,140.25=1000,152=1000";

  @Test
  void estimateOnTheDatasetAgreesWithEstimateGivenTheSameHistoryOnTheCommandLine() throws Exception {
    Path out = dir.resolve("e.csv");
    CliTest.Run data = CliTest.run("estimate", "--data", SAMPLE.toString(), "--condition", "kidney-transplant",
        "--output", out.toString());
    assertEquals(1, data.code(), "subject 3 (EC-MPS) cannot be estimated on van Hest 2005: " + data.err());
    assertTrue(data.out().contains("no estimate: van Hest 2005 takes no EC-MPS doses"), data.out());
    CSVRecord one = csv(out).get(0);
    assertEquals("1", one.get("ID"));
    assertEquals("estimated", one.get("status"));
    CliTest.Run line = CliTest.run("estimate", "--dose-history", SUBJECT_1_HISTORY, "--sample", "0=2.00",
        "--sample", "0.33=7.09", "--sample", "1=9.72", "--sample", "3=4.13", "--crcl", "52", "--albumin", "34",
        "--cyclosporine", "300", "--condition", "kidney-transplant");
    assertEquals(0, line.code(), line.err());
    String auc = String.format(java.util.Locale.ROOT, "AUC0-12 of the sampled interval: %.1f mg*h/L (95 %% interval"
        + " %.1f-%.1f", Double.parseDouble(one.get("auc_mg_h_per_l")), Double.parseDouble(one.get(
        "auc_low95_mg_h_per_l")), Double.parseDouble(one.get("auc_high95_mg_h_per_l")));
    assertTrue(line.out().contains(auc), auc + " in\n" + line.out());
    for (String p : List.of("ka", "CL", "V1", "V2")) {
      String factor = String.format(java.util.Locale.ROOT, "%s x %.2f (%.2f-%.2f)", p,
          Double.parseDouble(one.get(p + "_factor")), Double.parseDouble(one.get(p + "_factor_low95")),
          Double.parseDouble(one.get(p + "_factor_high95")));
      assertTrue(line.out().replaceAll(" +", " ").contains(factor), factor + " in\n" + line.out());
    }
    assertTrue(line.out().contains("Advice:  " + one.get("advice_text")), line.out());
    assertEquals("WITHIN", one.get("verdict"));
    assertEquals("152.0", one.get("interval_start_h"));
    assertEquals("164.0", one.get("interval_end_h"));
  }

  @Test
  void theDatasetsAdviceSaysWhenAnAdultsLimitsWereAssumed() {
    CliTest.Run adult = CliTest.run("estimate", "--data", SAMPLE.toString(), "--condition", "kidney-transplant");
    assertTrue(adult.out().contains("Limits:  an adult's dose limits (no --age given; a child's are lower), for every"
        + " subject."), adult.out());
    CliTest.Run aged = CliTest.run("estimate", "--data", SAMPLE.toString(), "--condition", "kidney-transplant",
        "--age", "40");
    assertFalse(aged.out().contains("Limits:"), aged.out());
  }

  @Test
  void withoutAValidatedTargetTheDatasetGetsNoVerdictAndNoAdvice() throws Exception {
    Path out = dir.resolve("pv.csv");
    CliTest.Run r = CliTest.run("estimate", "--data", SAMPLE.toString(), "--condition", "pemphigus-vulgaris",
        "--output", out.toString());
    assertEquals(1, r.code(), r.err());
    for (CSVRecord row : csv(out)) {
      assertEquals("", row.get("verdict"), "no verdict for " + row.get("ID"));
      assertEquals("", row.get("advice_dose_mg"));
      if (row.get("status").equals("estimated")) {
        assertEquals("NO_VALIDATED_TARGET", row.get("advice"));
      }
    }
  }

  @Test
  void ncaOfTheDatasetAnalysesEachIntervalFromItsDoseAndWritesCdiscPp() throws Exception {
    Path wide = dir.resolve("nca.csv");
    Path pp = dir.resolve("pp.csv");
    CliTest.Run r = CliTest.run("nca", "--data", SAMPLE.toString(), "--output", wide.toString(), "--pp",
        pp.toString());
    assertEquals(0, r.code(), r.err());
    List<CSVRecord> rows = csv(wide);
    assertEquals(4, rows.size(), "one interval with levels per subject");
    CSVRecord one = rows.get(0);
    assertEquals("152.0", one.get("dose_time_h"));
    assertEquals("4", one.get("levels"), "the trough at the dose's time, listed before it, is the interval's time 0");
    // the same analysis by hand: times after the dose at 152 h, the levels of the sample's subject 1
    io.mmf.pk.nca.NcaResult expected = io.mmf.pk.nca.Nca.defaults().analyse(new double[] {0, 0.33, 1, 3},
        new double[] {2.00, 7.09, 9.72, 4.13});
    assertEquals(expected.get(io.mmf.pk.nca.NcaCode.CMAX).value(), Double.parseDouble(one.get("CMAX_mg_per_L")));
    assertEquals(expected.get(io.mmf.pk.nca.NcaCode.AUCLST).value(), Double.parseDouble(one.get(
        "AUCLST_mg_h_per_L")), 1e-9);
    for (String h : rows.get(0).getParser().getHeaderNames()) {
      assertTrue(List.of("ID", "drug", "levels", "NOTES").contains(h) || h.contains("_"), "a unit in " + h);
    }
    List<CSVRecord> records = csv(pp);
    assertEquals(List.of("USUBJID", "PPCAT", "PPSCAT", "PPGRPID", "PPTESTCD", "PPTEST", "PPORRES", "PPORRESU",
        "PPSTINT", "PPENINT", "PPREASND"), records.get(0).getParser().getHeaderNames());
    CSVRecord cmax = records.stream().filter(x -> x.get("USUBJID").equals("1") && x.get("PPTESTCD").equals("CMAX"))
        .findFirst().orElseThrow();
    assertEquals("9.72", cmax.get("PPORRES"));
    assertEquals("mg/L", cmax.get("PPORRESU"));
    assertEquals("PT0H", cmax.get("PPSTINT"));
    assertTrue(records.stream().anyMatch(x -> x.get("PPTESTCD").equals("CLFTAU")), "CL/F is reported (or why not)");
    CSVRecord auctau = records.stream().filter(x -> x.get("USUBJID").equals("1") && x.get("PPTESTCD").equals(
        "AUCTAU")).findFirst().orElseThrow();
    assertEquals("no dosing interval: the dose has no II and no later dose", auctau.get("PPREASND"),
        "the sample's last dose has no II: --data asks for no interval, the data lack one");
    assertEquals("", auctau.get("PPENINT"));
  }

  @Test
  void clearanceOverFIsTheMpaDoseOverAucTauWhereTheIntervalIsCovered() throws Exception {
    // one compartment, levels over the whole interval: AUCTAU from the samples, CL/F = MPA dose / AUCTAU
    StringBuilder csv = new StringBuilder("ID,TIME,EVID,AMT,DRUG,II,ADDL,DV\n1,0,1,720,EC-MPS,12,1,\n");
    double[] t = {0, 1, 2, 4, 6, 8, 12};
    double[] c = {3, 9, 8, 6, 4.5, 3.4, 2};
    for (int i = 0; i < t.length; i++) {
      csv.append("1,").append(12 + t[i]).append(",0,0,,,,").append(c[i]).append('\n');
    }
    Path data = Files.writeString(dir.resolve("full.csv"), csv.toString().replace("1,12.0,0,0,,,,3.0\n",
        "1,12.0,0,0,,,,3.0\n"));
    Path wide = dir.resolve("full.out.csv");
    CliTest.Run r = CliTest.run("nca", "--data", data.toString(), "--output", wide.toString());
    assertEquals(0, r.code(), r.err());
    CSVRecord row = csv(wide).stream().filter(x -> x.get("dose_time_h").equals("12.0")).findFirst().orElseThrow();
    io.mmf.pk.nca.NcaResult expected = io.mmf.pk.nca.Nca.defaults().withInterval(0, 12).analyse(t, c);
    // linear up, log down, by hand: (c1 + c2) / 2 dt rising, (c1 - c2) dt / ln(c1 / c2) falling
    double auc = (3 + 9) / 2.0 + (9 - 8) / Math.log(9 / 8.0) + (8 - 6) * 2 / Math.log(8 / 6.0)
        + (6 - 4.5) * 2 / Math.log(6 / 4.5) + (4.5 - 3.4) * 2 / Math.log(4.5 / 3.4) + (3.4 - 2) * 4 / Math.log(3.4 / 2);
    assertEquals(auc, Double.parseDouble(row.get("AUCTAU_mg_h_per_L")), 1e-9);
    assertEquals(720 / auc, Double.parseDouble(row.get("CLFTAU_L_per_h")), 1e-9, "an EC-MPS mg is a mg of MPA");
    double lamz = expected.get(io.mmf.pk.nca.NcaCode.LAMZ).value();
    assertEquals(720 / auc / lamz, Double.parseDouble(row.get("VZFTAU_L")), 1e-6);
  }
}
