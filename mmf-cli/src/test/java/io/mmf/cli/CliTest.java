package io.mmf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.condition.Condition;
import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.monitoring.LabTest;
import io.mmf.core.monitoring.MonitoringPlan;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Regimen;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.exposure.ExposureSummary;
import io.mmf.pk.exposure.Exposures;
import io.mmf.pk.model.Presets;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.pk.solve.ConcentrationSolver;
import io.mmf.pk.solve.ExactSolver;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Runs the commands in-process and checks their output against the library's own results. */
class CliTest {
  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Mmf.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private static double number(String text, String label) {
    Matcher m = Pattern.compile(Pattern.quote(label) + "\\s*([0-9.]+)").matcher(text);
    assertTrue(m.find(), "no '" + label + "' in:\n" + text);
    return Double.parseDouble(m.group(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "conditions", "conditions show", "check", "schedule", "simulate", "population", "nca", "estimate"})
  void everyCommandHasHelp(String command) {
    String[] args = (command + " --help").trim().split(" ");
    // picocli reports a description it cannot format (an unescaped '%') on System.err
    java.io.PrintStream saved = System.err;
    java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
    Run r;
    try {
      System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
      r = run(args);
    } finally {
      System.setErr(saved);
    }
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Usage: mmf"), r.out());
    String warned = warnings.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertFalse(warned.contains("Could not format"), warned);
  }

  @Test
  void versionAndBareCommand() {
    assertTrue(run("--version").out().startsWith("mmf "));
    assertEquals(0, run().code());
  }

  @Test
  void conditionsListsTheWholeCatalog() {
    Run r = run("conditions");
    assertEquals(0, r.code());
    for (Condition c : ConditionCatalog.standard().all()) {
      assertTrue(r.out().contains(c.id()), c.id());
    }
  }

  @Test
  void conditionsShowPrintsDosesTargetTimelineAndSources() {
    Run r = run("conditions", "show", "DM");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Dermatomyositis (dermatomyositis)"));
    assertTrue(r.out().contains("maximum:       3 g/day [seed-003]"), r.out());
    assertTrue(r.out().contains("20-60 mg*h/L over 12 h (dermatomyositis and inflammatory myopathy (seed 003"), r.out());
    Run pv = run("conditions", "show", "PV");
    assertTrue(pv.out().contains("MPA target:    no validated MPA target for Pemphigus vulgaris"), pv.out());
    assertTrue(pv.out().contains("the label's adult maximum of 3 g/day applies"), pv.out());
    Run heart = run("conditions", "show", "heart");
    assertTrue(heart.out().contains(">= 36 mg*h/L over 12 h (or C0 > 2 mg/L)"), heart.out());
    Run mmn = run("conditions", "show", "MMN");
    assertTrue(mmn.out().contains("trial dose:") && mmn.out().contains("(the trial found no benefit)"), mmn.out());
    assertTrue(r.out().contains("Initial response in 4-8 weeks"));
    assertTrue(r.out().contains("[seed-003] Dr.Oracle"));
  }

  @Test
  void checkPrintsEveryFindingWithActionAndSource() {
    Run r = run("check", "--condition", "DM", "--dose", "1500", "--age", "54", "--gfr", "22",
        "--pregnancy", "can-become-pregnant", "--comed", "omeprazole,cholestyramine");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("WARNING renal-cap -> REDUCE"), r.out());
    assertTrue(r.out().contains("source: [label]"));
    assertTrue(r.out().contains("interaction-bile-acid-sequestrant -> AVOID_COMBINATION"));
    assertTrue(r.out().contains("No contraindication found."));
    assertTrue(r.out().contains("label-serious-infections"), "label warnings in every check: " + r.out());
    Run pregnant = run("check", "--condition", "SLE", "--dose", "1000", "--age", "30", "--pregnancy", "pregnant");
    assertTrue(pregnant.out().contains("CONTRAINDICATED: do not start."), pregnant.out());
    Run child = run("check", "--condition", "kidney transplant", "--dose", "700", "--formulation", "mmf-suspension",
        "--age", "9", "--weight", "30", "--height", "130");
    assertTrue(child.out().contains("pediatric-mg-per-m2"), child.out());
  }

  @Test
  void scheduleMatchesTheLibrarysPlan() {
    Run r = run("schedule", "--start", "2026-12-01", "--condition", "DM", "--can-become-pregnant");
    assertEquals(0, r.code(), r.err());
    LocalDate start = LocalDate.of(2026, 12, 1);
    long cbc = MonitoringPlan.forCondition(ConditionCatalog.standard().get("DM"), true)
        .schedule(start, start.plusMonths(12)).stream().filter(c -> c.test() == LabTest.COMPLETE_BLOOD_COUNT).count();
    assertEquals(cbc, r.out().lines().filter(l -> l.contains("COMPLETE_BLOOD_COUNT")).count());
    assertTrue(r.out().contains("2026-12-09..2026-12-11 PREGNANCY_TEST"), r.out());
  }

  @Test
  void simulateSummaryEqualsTheApi() {
    Run r = run("simulate", "--model", "van-hest-2005", "--dose", "1000");
    assertEquals(0, r.code(), r.err());
    ExposureSummary api = Exposures.summarise(new ExactSolver(), Presets.vanHest2005(),
        Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1000), DosingInterval.TWICE_DAILY));
    assertEquals(String.format(Locale.ROOT, "%.2f", api.firstDoseAucTauMgHPerL()),
        String.format(Locale.ROOT, "%.2f", number(r.out(), "AUC0-12 after the first dose:")));
    assertEquals(String.format(Locale.ROOT, "%.2f", api.steadyState().aucTauMgHPerL()),
        String.format(Locale.ROOT, "%.2f", number(r.out(), "AUC0-12 at steady state:")));
    assertEquals(String.format(Locale.ROOT, "%.3f", api.steadyState().cmaxMgPerL()),
        String.format(Locale.ROOT, "%.3f", number(r.out(), "Cmax at steady state:")));
    assertEquals(String.format(Locale.ROOT, "%.3f", api.steadyState().troughMgPerL()),
        String.format(Locale.ROOT, "%.3f", number(r.out(), "C0 (trough) at steady state:")));
    assertTrue(r.out().contains("no validated MPA target for the unspecified condition"), r.out());
    assertTrue(r.out().contains("(not a verdict) [seed-003]"), r.out());
    assertTrue(r.out().contains("Advice:   No dose advice"), r.out());
    Run kidney = run("simulate", "--model", "van-hest-2005", "--dose", "1000", "--condition", "kidney-transplant");
    assertTrue(kidney.out().contains("is WITHIN target 30-60 mg*h/L over 12 h"), kidney.out());
    assertTrue(kidney.out().contains("Advice:   No change: the exposure is within the target. For information only,"
        + " the dose for the middle of the target (45 mg*h/L) would be 3 x MMF 500 mg tablet = 1500 mg"), kidney.out());
  }

  @Test
  void simulateUsesTheConditionsTargetAndTheExactPathForGammaAbsorption() {
    // Sherwin 2012's non-integer transit chain is a gamma input, which the exact path now carries
    Run r = run("simulate", "--model", "sherwin-2012", "--dose", "1000", "--condition", "kidney transplant");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("(exact solver)"), r.out());
    assertEquals(36.2, number(r.out(), "AUC0-12 at steady state:"), 0.05);
    Run n = run("simulate", "--model", "sherwin-2012", "--dose", "1000", "--solver", "numerical");
    assertEquals(0, n.code(), n.err());
    assertTrue(n.out().contains("(numerical solver)"), n.out());
    assertEquals(number(r.out(), "AUC0-12 at steady state:"), number(n.out(), "AUC0-12 at steady state:"), 0.01);
    assertTrue(r.out().contains("target 30-60 mg*h/L over 12 h (kidney transplantation"), r.out());
    assertTrue(r.out().contains("[kuypers-2010]"), r.out());
  }

  @Test
  void mealTimesMoveTheGallbladderToTheClockAndComedicationsAreListed() {
    // Jiao 2008 with meals at 07:00 and 19:00 (1-h emptying) and doses at 08:00 and 20:00: the gallbladder now
    // empties 11 h after each dose instead of at 4 h and 10 h, so the curve changes; the CLI's numbers are the
    // library's for the same clock-windowed model.
    Run paper = run("simulate", "--model", "jiao-2008", "--dose", "1000");
    Run meals = run("simulate", "--model", "jiao-2008", "--dose", "1000", "--meal-times", "7,19",
        "--first-dose-clock", "8", "--comed", "cyclosporine");
    assertEquals(0, meals.code(), meals.err());
    io.mmf.pk.model.PkModel clock = io.mmf.pk.model.Interactions.apply(Presets.jiao2008(65.5).withEmptyingWindows(
        io.mmf.pk.model.EmptyingWindows.atClockTimes(new io.mmf.pk.model.Window(7, 1),
            new io.mmf.pk.model.Window(19, 1))), List.of(io.mmf.core.safety.CoMedication.CYCLOSPORINE),
        Formulation.MMF_TABLET_500).model();
    double api = new ExactSolver().steadyState(clock, Dose.ofMg(1000), Formulation.MMF_TABLET_500,
        DosingInterval.TWICE_DAILY, 8).aucTauMgHPerL();
    assertEquals(String.format(Locale.ROOT, "%.2f", api),
        String.format(Locale.ROOT, "%.2f", number(meals.out(), "AUC0-12 at steady state:")));
    assertTrue(Math.abs(number(paper.out(), "Cmax at steady state:") - number(meals.out(), "Cmax at steady state:"))
        > 0.01, "the windows moved");
    assertTrue(meals.out().contains("Interaction applied: CYCLOSPORINE: biliary excretion into the gallbladder"
        + " x 0.002 [de-winter-2009]"), meals.out());
    assertTrue(meals.out().contains("[mmf-pi-interactions]"), meals.out());
    assertTrue(paper.out().contains("Warning: Jiao 2008 was fitted on healthy Chinese men"), paper.out());
    Run noEhc = run("simulate", "--model", "van-hest-2005", "--dose", "1000", "--meal-times", "7");
    assertEquals(2, noEhc.code());
    assertTrue(noEhc.err().contains("no windowed transfer"), noEhc.err());
  }

  @Test
  void populationTableEqualsTheLibraryForTheSameSeed() throws Exception {
    Path csv = dir.resolve("pta.csv");
    Run r = run("population", "--dose", "750,1000", "--subjects", "600", "--seed", "11", "--threads", "2",
        "--csv", csv.toString());
    assertEquals(0, r.code(), r.err());
    List<io.mmf.pk.population.Attainment> api = io.mmf.pk.population.PopulationSimulation.of(
        io.mmf.pk.population.Populations.named("van-hest-2005").at(io.mmf.pk.population.Populations.REFERENCE_COVARIATES)).subjects(600).seed(11)
        .threads(1).doses(Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY, 750, 1000).build().run();
    try (Reader in = Files.newBufferedReader(csv)) {
      List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)
          .getRecords();
      assertEquals(2, rows.size());
      for (int i = 0; i < 2; i++) {
        assertEquals(api.get(i).steadyState().within(), Double.parseDouble(rows.get(i).get("ss_fraction_in_target")));
        assertEquals(api.get(i).aucSteadyState().p50(), Double.parseDouble(rows.get(i).get("ss_auc_p50_mg_h_per_l")));
        assertEquals(api.get(i).firstDose().within(),
            Double.parseDouble(rows.get(i).get("first_dose_fraction_in_target")));
      }
    }
    assertTrue(r.out().contains(String.format(Locale.ROOT, "%.1f %%", 100 * api.get(1).steadyState().within())),
        r.out());
    Run bad = run("population", "--dose", "1000", "--subjects", "-5");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("Invalid value for --subjects (expected 1 to 100000000): -5"), bad.err());
    Run model = run("population", "--dose", "1000", "--model", "sherwin-2012");
    assertEquals(2, model.code());
    assertTrue(model.err().contains("Unknown population model: 'sherwin-2012'"), model.err());
  }

  @Test
  void populationCovariatesFromDistributionsOrAFile() throws Exception {
    Run refused = run("population", "--model", "jiao-2008", "--dose", "1000", "--subjects", "20");
    assertEquals(2, refused.code());
    assertTrue(refused.err().contains("healthy Chinese men"), refused.err());
    Run dist = run("population", "--model", "jiao-2008", "--dose", "1000", "--formulation", "mmf-capsule-250",
        "--subjects", "200", "--covariate", "weightKg=normal:70:12:40:130", "--allow-healthy-volunteer-model");
    assertEquals(0, dist.code(), dist.err());
    assertTrue(dist.out().contains("Warning:    Jiao 2008 was fitted on"), dist.out());
    Path rows = dir.resolve("patients.csv");
    Files.writeString(rows, "creatinineClearanceMlPerMin,albuminGPerL,cyclosporineMgPerDay,female\n"
        + "48,30,450,0\n60,25,300,1\n");
    Run file = run("population", "--dose", "1000", "--subjects", "200", "--covariates", rows.toString());
    assertEquals(0, file.code(), file.err());
    Path missing = dir.resolve("missing.csv");
    Files.writeString(missing, "creatinineClearanceMlPerMin,cyclosporineMgPerDay,female\n48,450,0\n");
    Run bad = run("population", "--dose", "1000", "--covariates", missing.toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("missing.csv:1: missing column 'albuminGPerL'"), bad.err());
    Path notNumber = dir.resolve("nan.csv");
    Files.writeString(notNumber, "weightKg\n70\nheavy\n");
    Run nan = run("population", "--model", "jiao-2008", "--dose", "1000", "--formulation", "mmf-capsule-250",
        "--covariates", notNumber.toString());
    assertEquals(2, nan.code());
    assertTrue(nan.err().contains("nan.csv:3:1: column 'weightKg' is not a finite number: 'heavy'"), nan.err());
    Run spec = run("population", "--dose", "1000", "--covariate", "albuminGPerL=gamma:1:2");
    assertEquals(2, spec.code());
    assertTrue(spec.err().contains("Invalid value for --covariate"), spec.err());
  }

  @Test
  void csvRowsParseBackToTheCurve() throws Exception {
    Path csv = dir.resolve("curve.csv");
    Run r = run("simulate", "--model", "de-winter-2008", "--dose", "720", "--formulation", "ec-mps-360",
        "--doses", "4", "--csv", csv.toString());
    assertEquals(0, r.code(), r.err());
    ConcentrationProfile api = new ExactSolver().simulate(Presets.deWinter2008(),
        DosingSchedule.fromRegimen(Regimen.of(Formulation.EC_MPS_TABLET_360, Dose.ofMg(720),
            DosingInterval.TWICE_DAILY), 4), ConcentrationSolver.grid(0.1, 48));
    try (Reader in = Files.newBufferedReader(csv)) {
      List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)
          .getRecords();
      assertEquals(api.size(), rows.size());
      for (int i = 0; i < rows.size(); i++) {
        assertEquals(api.timeHours(i), Double.parseDouble(rows.get(i).get("time_h")), 1e-12);
        assertEquals(api.concentrationMgPerL(i), Double.parseDouble(rows.get(i).get("mpa_mg_per_l")));
        assertEquals(api.cumulativeAucMgHPerL(i), Double.parseDouble(rows.get(i).get("cumulative_auc_mg_h_per_l")));
      }
    }
  }

  @Test
  void svgPlotIsXmlWithTheCurvesPoints() throws Exception {
    Path svg = dir.resolve("curve.svg");
    assertEquals(0, run("simulate", "--model", "van-hest-2005", "--dose", "1000", "--doses", "2",
        "--plot", svg.toString()).code());
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    NodeList lines = f.newDocumentBuilder().parse(svg.toFile()).getElementsByTagName("line");
    // XChart draws the curve as one line element per segment in the curve's colour (plus one legend sample).
    List<Double> xs = new java.util.ArrayList<>();
    for (int i = 0; i < lines.getLength(); i++) {
      Element e = (Element) lines.item(i);
      if (e.getAttribute("style").contains("stroke:rgb(20,60,140)")) {
        xs.add(Double.parseDouble(e.getAttribute("x1")));
      }
    }
    int points = ConcentrationSolver.grid(0.1, 24).length;
    assertTrue(xs.size() >= points - 1, "segments " + xs.size() + " for " + points + " points");
    // The curve's segments run forward in time across the plot (the last one is the legend's sample).
    for (int i = 1; i < points - 1; i++) {
      assertTrue(xs.get(i) >= xs.get(i - 1), "segment " + i);
    }
    assertTrue(xs.get(points - 2) - xs.get(0) > 0.7 * Charts.WIDTH, "the curve spans the plot");
  }

  @Test
  void pngPlotDecodesWithTheChartSize() throws Exception {
    Path png = dir.resolve("range.png");
    Run r = run("simulate", "--model", "van-hest-2005", "--dose", "1000", "--dose-range", "500:2000:250",
        "--plot", png.toString());
    assertEquals(0, r.code(), r.err());
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(Charts.WIDTH, image.getWidth());
    assertEquals(Charts.HEIGHT, image.getHeight());
    assertTrue(r.out().contains("2000         61.54                  ABOVE"), r.out());
  }

  @Test
  void badInputGivesExitTwoWithTheProblemNamed() throws Exception {
    Run preset = run("simulate", "--model", "van-hest", "--dose", "1000");
    assertEquals(2, preset.code());
    assertTrue(preset.err().startsWith("mmf: Unknown model: 'van-hest' (expected one of van-hest-2005,"
        + " de-winter-2008, sherwin-2012, jiao-2008, mizaki-2023,"), preset.err());
    assertEquals(preset.err().indexOf("jiao-2008"), preset.err().lastIndexOf("jiao-2008"), "each name once");
    assertFalse(preset.err().contains("at io.mmf"), "no stack trace without --verbose");
    Run condition = run("conditions", "show", "dermatomyosits");
    assertEquals(2, condition.code());
    assertTrue(condition.err().contains("did you mean: dermatomyositis"), condition.err());
    Run dose = run("simulate", "--model", "van-hest-2005", "--dose", "-5");
    assertEquals(2, dose.code());
    assertTrue(dose.err().contains("Invalid value for --dose (expected 0.001 to 100000 mg): -5.0"), dose.err());
    Run option = run("simulate", "--model", "van-hest-2005", "--dose", "1000", "--modle", "x");
    assertEquals(2, option.code());
    assertTrue(option.err().contains("Unknown options: '--modle'"), option.err());
    Path model = dir.resolve("bad.json");
    Files.writeString(model, "{\n \"name\": \"m\",\n \"doseUnit\" \"MG_MPA\"\n}");
    Run json = run("simulate", "--model", model.toString(), "--dose", "1000");
    assertEquals(2, json.code());
    assertTrue(json.err().contains("bad.json:3: not valid JSON"), json.err());
    assertTrue(run("--verbose", "simulate", "--model", "van-hest", "--dose", "1000").err().contains("at io.mmf"));
  }

  @Test
  void unwritableOutputGivesExitOneAndNoFile() throws Exception {
    Path missing = dir.resolve("no-such-dir").resolve("curve.csv");
    Run r = run("simulate", "--model", "van-hest-2005", "--dose", "1000", "--csv", missing.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("cannot write " + missing + ": no such directory"), r.err());
    assertFalse(Files.exists(missing));
    Path pdf = dir.resolve("curve.pdf");
    assertEquals(2, run("simulate", "--model", "van-hest-2005", "--dose", "1000", "--plot", pdf.toString()).code());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.toList(), "no partial or temporary file left");
    }
  }

  @Test
  void ncaWritesOneRowPerSubjectWithTheLibrarysValues() throws Exception {
    Path in = dir.resolve("levels.csv");
    java.nio.file.Files.writeString(in, "subject,time_h,conc_mg_per_l,dose_mg\n"
        + "a,0,0,1000\na,1,10,1000\na,2,8,1000\na,4,4,1000\na,8,2,1000\na,12,1,1000\n"
        + "b,0,0,500\nb,1,5,500\nb,2,3,500\n");
    Path out = dir.resolve("nca.csv");
    Run r = run("nca", "--input", in.toString(), "--dose-column", "dose_mg", "--method", "linear", "--interval", "0,12",
        "--output", out.toString());
    assertEquals(0, r.code(), r.err());
    try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(java.nio.file.Files.newBufferedReader(out))) {
      var rows = parser.getRecords();
      assertEquals(2, rows.size());
      var expected = io.mmf.pk.nca.Nca.defaults().withMethod(io.mmf.pk.nca.Nca.AucMethod.LINEAR).withInterval(0, 12)
          .analyse(new double[] {0, 1, 2, 4, 8, 12}, new double[] {0, 10, 8, 4, 2, 1});
      for (io.mmf.pk.nca.NcaCode c : io.mmf.pk.nca.NcaCode.values()) {
        assertEquals(expected.get(c).value(), Double.parseDouble(rows.get(0).get(c.name())), 0, c.name());
      }
      assertEquals("1000.0", rows.get(0).get("dose_mg"));
      assertEquals("NE", rows.get(1).get("LAMZ"));
      assertTrue(rows.get(1).get("NOTES").contains("LAMZ: fewer than 3"), rows.get(1).get("NOTES"));
    }
  }

  /**
   * Subjects in a column spelled otherwise than 'subject' are refused rather than pooled: pooled, the two
   * subjects below were one (exit 0) with their levels averaged at each time (CMAX 5.5, neither's own).
   */
  @Test
  void ncaRefusesToPoolSubjectsOfAColumnItDoesNotRead() throws Exception {
    Path in = dir.resolve("ids.csv");
    Files.writeString(in, "ID,time_h,conc_mg_per_l\n1,0,1\n1,1,5\n1,2,4\n2,0,1\n2,1,6\n2,2,4\n");
    Path out = dir.resolve("out.csv");
    Run pooled = run("nca", "--input", in.toString(), "--output", out.toString());
    assertEquals(2, pooled.code(), pooled.err());
    assertTrue(pooled.err().contains("ids.csv:1:1: column 'ID' looks like subjects, but the subject column is"
        + " 'subject' (expected --subject-column ID"), pooled.err());
    assertFalse(Files.exists(out), "nothing written");
    Run named = run("nca", "--input", in.toString(), "--subject-column", "ID");
    assertEquals(0, named.code(), named.err());
    List<String> rows = named.out().lines().toList();
    assertEquals(3, rows.size(), named.out());
    assertTrue(rows.get(1).startsWith("1,5.0,1.0,") && rows.get(2).startsWith("2,6.0,1.0,"), named.out());
    // a file with no subject-like column is still one subject
    Files.writeString(in, "time_h,conc_mg_per_l,comment\n0,1,x\n1,5,y\n");
    Run one = run("nca", "--input", in.toString());
    assertEquals(0, one.code(), one.err());
    assertTrue(one.out().lines().toList().get(1).startsWith("1,5.0,1.0,"), one.out());
  }

  @Test
  void ncaBadInputNamesTheProblemAndWritesNothing() throws Exception {
    Path in = dir.resolve("bad.csv");
    java.nio.file.Files.writeString(in, "subject,time_h,conc_mg_per_l\na,0,1\na,1,oops\n");
    Path out = dir.resolve("out.csv");
    Run r = run("nca", "--input", in.toString(), "--output", out.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("bad.csv:3") && r.err().contains("conc_mg_per_l"), r.err());
    assertFalse(java.nio.file.Files.exists(out));
    java.nio.file.Files.writeString(in, "subject,time_h,conc_mg_per_l\na,0,1\na,1,-3\n");
    Run negative = run("nca", "--input", in.toString());
    assertEquals(2, negative.code());
    assertTrue(negative.err().contains("-3"), negative.err());
    Run missing = run("nca", "--input", in.toString(), "--time-column", "t");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("missing column 't'"), missing.err());
    assertEquals(2, run("nca", "--input", in.toString(), "--method", "spline").code());
    assertEquals(0, run("nca", "--help").code());
  }

  @Test
  void estimatePrintsTheLibrarysEstimateAndPlotsTheFit() throws Exception {
    Path samples = dir.resolve("levels.csv");
    Files.writeString(samples, "hours_after_dose,mpa_mg_per_l\n1,12.8\n0.33,6.5\n");
    Path plot = dir.resolve("fit.svg");
    Path csv = dir.resolve("fit.csv");
    Run r = run("estimate", "--dose", "1000", "--samples", samples.toString(), "--sample", "3=4.1", "--plot",
        plot.toString(), "--csv", csv.toString(), "--condition", "kidney-transplant");
    assertEquals(0, r.code(), r.err());

    Regimen regimen = Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1000), DosingInterval.TWICE_DAILY);
    var history = DosingSchedule.fromRegimen(regimen, 14);
    double last = 13 * 12;
    var est = io.mmf.pk.tdm.MapEstimator.of(io.mmf.pk.population.Populations.named("van-hest-2005")
        .at(io.mmf.pk.population.Populations.REFERENCE_COVARIATES)).estimate(history, List.of(io.mmf.pk.tdm.Sample.measured(last + 0.33, 6.5),
            io.mmf.pk.tdm.Sample.measured(last + 1, 12.8), io.mmf.pk.tdm.Sample.measured(last + 3, 4.1)));
    io.mmf.core.condition.Condition kidney = ConditionCatalog.standard().get("kidney-transplant");
    var a = est.assess(regimen, kidney.target(),
        List.of(Formulation.MMF_TABLET_500, Formulation.byName("mmf-capsule-250")),
        io.mmf.core.regimen.RegimenCheck.ceiling(kidney, io.mmf.core.regimen.Patient.ofAgeYears(18),
            regimen.formulation()), List.of(), 1000, 1);
    assertEquals(String.format(Locale.ROOT, "%.1f", a.aucMgHPerL()),
        String.format(Locale.ROOT, "%.1f", number(r.out(), "AUC0-12 of the sampled interval:")));
    assertTrue(r.out().contains(String.format(Locale.ROOT, "95 %% interval %.1f-%.1f", a.aucLowerMgHPerL(),
        a.aucUpperMgHPerL())), r.out());
    assertEquals(io.mmf.pk.exposure.DoseAdvice.Kind.NO_CHANGE, a.advice().kind(), a.advice().text());
    assertTrue(r.out().contains("Advice:  " + a.advice().text()), r.out());
    assertTrue(r.out().contains(String.format(Locale.ROOT, "lies in 30-60 mg*h/L over 12 h: %.0f %%",
        100 * a.probabilityInTarget())), r.out());
    assertTrue(r.out().contains("Decision support, not medical advice."), r.out());
    // the curve file: hours after the dose from -1 to 12, the fit at the samples within the grid's reach
    List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(Files.newBufferedReader(csv)).getRecords();
    assertEquals(-1, Double.parseDouble(rows.get(0).get("hours_after_dose")), 1e-9);
    assertEquals(12, Double.parseDouble(rows.get(rows.size() - 1).get("hours_after_dose")), 1e-9);
    double atOne = rows.stream().filter(x -> Math.abs(Double.parseDouble(x.get("hours_after_dose")) - 1) < 1e-9)
        .mapToDouble(x -> Double.parseDouble(x.get("mpa_mg_per_l"))).findFirst().orElseThrow();
    assertEquals(est.predictedMgPerL()[1], atOne, 1e-9);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    assertEquals("svg", f.newDocumentBuilder().parse(plot.toFile()).getDocumentElement().getTagName());
  }

  @Test
  void estimateWithoutAModelChoosesOneForThePatientAndSaysWhy() {
    String[] levels = {"--dose", "500", "--sample", "0.33=6.5", "--sample", "1=9.8", "--sample", "3=4.1"};
    Run child = run(concat(new String[] {"estimate", "--age", "10", "--condition", "kidney-transplant",
        "--weight", "35"}, levels));
    assertEquals(0, child.code(), child.err());
    assertTrue(child.out().startsWith("Model:    Heida 2024"), child.out());
    assertTrue(child.out().contains("Chosen:   Heida 2024, fitted on children of 4-18 years after kidney"
        + " transplantation; --model names another."), child.out());
    // 18 is an adult: van Hest, and without --comed the calcineurin inhibitor is neither judged nor assumed
    Run adult = run(concat(new String[] {"estimate", "--age", "18", "--condition", "kidney-transplant"}, levels));
    assertEquals(0, adult.code(), adult.err());
    assertTrue(adult.out().startsWith("Model:    van Hest 2005"), adult.out());
    assertTrue(adult.out().contains("--comed gives the patient's calcineurin inhibitor"), adult.out());
    assertFalse(adult.out().contains("Context:"), adult.out());
    Run tac = run(concat(new String[] {"estimate", "--condition", "kidney-transplant", "--comed", "tacrolimus"},
        levels));
    assertTrue(tac.out().startsWith("Model:    Riglet 2020"), tac.out());
    assertTrue(tac.out().contains("Chosen:   Riglet 2020, fitted on adult kidney transplant recipients on"
        + " tacrolimus"), tac.out());
    assertFalse(tac.out().contains("Context:"), tac.out());
    // --model wins, and names no reason
    Run named = run(concat(new String[] {"estimate", "--age", "10", "--model", "zhao-2010", "--weight", "30"},
        levels));
    assertEquals(0, named.code(), named.err());
    assertFalse(named.out().contains("Chosen:"), named.out());
    Run json = run(concat(new String[] {"estimate", "--condition", "lupus-nephritis", "--format", "json"}, levels));
    assertTrue(json.out().contains("\"modelChosenBecause\" : \"Mizaki 2023, fitted on adults with lupus"
        + " nephritis\""), json.out());
    Run namedJson = run(concat(new String[] {"estimate", "--model", "van-hest-2005", "--format", "json",
        "--comed", "tacrolimus"}, levels));
    assertTrue(namedJson.out().contains("\"modelChosenBecause\" : null"), namedJson.out());
    assertTrue(namedJson.out().contains("\"context\" : [ \"van Hest 2005 was fitted on patients taking"
        + " ciclosporin"), namedJson.out());
  }

  /**
   * --covariate NAME=VALUE gives a model's own covariate (Fromage 2025's indication group here): the
   * estimate is the library's at that covariate, another than at the reference; a wrong name, a value that
   * is no number or one outside the file's range is bad input naming it.
   */
  @Test
  void estimateTakesAModelsOwnCovariateByName() {
    String[] ec = {"estimate", "--model", "fromage-2025", "--dose", "720", "--formulation", "ec-mps-360", "--sample",
        "1=2.5", "--sample", "3=28", "--sample", "4=12", "--sample", "6=3", "--doses", "14"};
    Run heart = run(concat(ec, new String[] {"--covariate", "indicationGroup=1"}));
    Run renal = run(ec);
    assertEquals(0, heart.code(), heart.err());
    io.mmf.pk.population.PopulationModel m = io.mmf.pk.population.Populations.fromage2025().at(java.util.Map.of(
        io.mmf.pk.population.Populations.INDICATION_GROUP, 1.0));
    io.mmf.core.regimen.Regimen r = io.mmf.core.regimen.Regimen.of(Formulation.EC_MPS_TABLET_360, Dose.ofMg(720),
        DosingInterval.TWICE_DAILY);
    double last = 13 * 12; // no clock windows: the history starts at 0
    java.util.List<io.mmf.pk.tdm.Sample> levels = java.util.List.of(io.mmf.pk.tdm.Sample.measured(last + 1, 2.5),
        io.mmf.pk.tdm.Sample.measured(last + 3, 28), io.mmf.pk.tdm.Sample.measured(last + 4, 12),
        io.mmf.pk.tdm.Sample.measured(last + 6, 3));
    double auc = io.mmf.pk.tdm.MapEstimator.of(m).estimate(DosingSchedule.fromRegimen(r, 14), levels)
        .aucMgHPerL(last, last + 12);
    String line = String.format(java.util.Locale.ROOT, "AUC0-12 of the sampled interval: %.1f mg*h/L", auc);
    assertTrue(heart.out().contains(line), line + "\n" + heart.out());
    assertFalse(renal.out().contains(line), renal.out());
    for (String[] bad : new String[][] {{"weight=3", "Fromage 2025's covariates [indicationGroup]"},
        {"indicationGroup=x", "expected a finite number"}, {"indicationGroup=3", "indicationGroup"}}) {
      Run b = run(concat(ec, new String[] {"--covariate", bad[0]}));
      assertEquals(2, b.code(), b.err());
      assertTrue(b.err().contains(bad[1]), b.err());
    }
  }

  @Test
  void estimateRefusesToChooseForAChildWithoutAKidneyTransplantAndTakesFromageForEcMps() {
    String[] levels = {"--sample", "0.33=6.5", "--sample", "1=9.8", "--sample", "3=4.1"};
    Run child = run(concat(new String[] {"estimate", "--dose", "500", "--age", "10"}, levels));
    assertEquals(2, child.code(), child.out());
    assertTrue(child.err().contains("heida-2024") && child.err().contains("zhao-2010"), child.err());
    assertFalse(child.err().contains("Exception"), child.err());
    // EC-MPS: Fromage 2025, for the sampled steady-state interval, with no dose advice
    Run ecmps = run(concat(new String[] {"estimate", "--dose", "720", "--formulation", "ec-mps-360"}, new String[] {
        "--sample", "0.33=2.4", "--sample", "1=2.3", "--sample", "3=20", "--sample", "4=12", "--sample", "6=3"}));
    assertEquals(0, ecmps.code(), ecmps.err());
    assertTrue(ecmps.out().contains("Chosen:   Fromage 2025, fitted on EC-MPS"), ecmps.out());
  }

  @Test
  void estimateFailuresAreClearAndWriteNothing() throws Exception {
    Path plot = dir.resolve("fit.svg");
    Run blq = run("estimate", "--dose", "1000", "--sample", "1=<0.5", "--sample", "3=<0.5", "--plot", plot.toString());
    assertEquals(1, blq.code());
    assertTrue(blq.err().contains("all 2 samples are below the limit of quantification"), blq.err());
    assertFalse(Files.exists(plot));
    Run late = run("estimate", "--dose", "1000", "--sample", "1=8", "--sample", "13=2");
    assertEquals(2, late.code());
    assertTrue(late.err().contains("Dose history does not match the samples"), late.err());
    Run negative = run("estimate", "--dose", "1000", "--sample", "1=-8");
    assertEquals(2, negative.code());
    assertTrue(negative.err().contains("--sample 1=-8: Invalid value for concentrationMgPerL"), negative.err());
    Run early = run("estimate", "--dose", "1000", "--doses", "1", "--sample", "-2=1");
    assertTrue(early.err().contains("before the first dose"), early.err());
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "hours_after_dose,mpa_mg_per_l\n0.33,6\n1,abc\n");
    Run line = run("estimate", "--dose", "1000", "--samples", bad.toString());
    assertEquals(2, line.code());
    assertTrue(line.err().contains(bad + ":3:2: the level is not a number"), line.err());
    assertTrue(run("estimate", "--dose", "1000").err().contains("No samples"));
  }

  @Test
  void clinicalSafetyCasesOfTheAudit() throws Exception {
    // pemphigus 5 g twice daily: a WARNING against the label maximum, not an INFO line
    Run pv = run("check", "--condition", "pemphigus-vulgaris", "--dose", "5000", "--age", "40");
    assertEquals(0, pv.code(), pv.err());
    assertTrue(pv.out().contains("WARNING over-label-maximum -> REDUCE"), pv.out());
    assertTrue(pv.out().contains("pregnancy-status-unknown"), "status not given is reported: " + pv.out());
    // an unknown co-medication is a finding, and the check completes
    Run pred = run("check", "--condition", "kidney", "--dose", "1000", "--age", "45", "--comed",
        "prednisone,zzz-new-drug", "--pregnancy", "none");
    assertEquals(0, pred.code(), pred.err());
    assertTrue(pred.out().contains("interaction-corticosteroid") && pred.out().contains("interaction-unlisted"),
        pred.out());
    assertFalse(pred.out().contains("Warnings:\n  none"), pred.out());
    // omeprazole and an antacid: manage them before any dose change, never 4.5 g/day
    Run both = run("simulate", "--model", "van-hest-2005", "--dose", "1000", "--comed", "omeprazole,antacid",
        "--condition", "kidney-transplant");
    assertEquals(0, both.code(), both.err());
    assertTrue(both.out().contains("Advice:   Manage the interactions before any dose change"), both.out());
    assertFalse(both.out().contains("2250"), both.out());
    // de Winter 2008 at 46: no change
    Run dw = run("simulate", "--model", "de-winter-2008", "--dose", "1000", "--condition", "kidney-transplant");
    assertTrue(dw.out().contains("Advice:   No change"), dw.out());
    // intravenous MMF on an oral model: refused, exit 2
    Run iv = run("simulate", "--model", "van-hest-2005", "--dose", "1000", "--formulation", "mmf-iv");
    assertEquals(2, iv.code());
    assertTrue(iv.err().contains("intravenous"), iv.err());
    // rifampin in a population run: listed as not modelled
    Run rif = run("population", "--dose", "1000", "--subjects", "50", "--comed", "rifampin");
    assertEquals(0, rif.code(), rif.err());
    assertTrue(rif.out().contains("Interaction not modelled: RIFAMPIN"), rif.out());
    // estimate refuses the healthy-volunteer model unless asked
    Run jiao = run("estimate", "--model", "jiao-2008", "--dose", "1000", "--sample", "1=12.8");
    assertEquals(2, jiao.code());
    assertTrue(jiao.err().contains("healthy Chinese men"), jiao.err());
  }

  @Test
  void theFirstDoseAucPrintedIsTheCsvsWithClockMeals() throws Exception {
    Path csv = dir.resolve("meals.csv");
    Run r = run("simulate", "--model", "jiao-2008", "--dose", "1000", "--meal-times", "7.5,12,19", "--grid", "0.25",
        "--csv", csv.toString());
    assertEquals(0, r.code(), r.err());
    double printed = number(r.out(), "AUC0-12 after the first dose:");
    List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(Files.newBufferedReader(csv)).getRecords();
    double atTwelve = rows.stream().filter(x -> Double.parseDouble(x.get("time_h")) == 12)
        .mapToDouble(x -> Double.parseDouble(x.get("cumulative_auc_mg_h_per_l"))).findFirst().orElseThrow();
    assertEquals(String.format(Locale.ROOT, "%.2f", atTwelve), String.format(Locale.ROOT, "%.2f", printed));
  }

  // ---- dose advice never above the patient's ceiling (issue 13) ----

  @Test
  void aDoseAboveTheCeilingIsReducedWhateverTheExposure() {
    // heart, 2 g twice daily: AUC 61.5, inside ">= 36", yet above the label's 1.5 g per administration
    Run heart = run("simulate", "--model", "van-hest-2005", "--dose", "2000", "--condition", "heart-transplant");
    assertEquals(0, heart.code(), heart.err());
    assertTrue(heart.out().contains("Advice:   The dose of 2000 mg is above the ceiling of 1500 mg"), heart.out());
    assertTrue(heart.out().contains("reduce it to at most 1500 mg"), heart.out());
    // GFR 10 on 1 g three times daily: the renal cap of 2 g/day, whatever the exposure
    Run renal = run("simulate", "--model", "van-hest-2005", "--dose", "1000", "--interval", "8", "--condition",
        "kidney-transplant", "--gfr", "10");
    assertTrue(renal.out().contains("reduce it to at most 666.7 mg"), renal.out());
    // without a condition the renal cap still holds, and the output says an adult was assumed
    Run none = run("simulate", "--model", "van-hest-2005", "--dose", "1500", "--gfr", "10");
    assertTrue(none.out().contains("reduce it to at most 1000 mg"), none.out());
    assertTrue(none.out().contains("Limits:   an adult's dose limits (no --age given"), none.out());
    Run child = run("simulate", "--model", "van-hest-2005", "--dose", "1500", "--age", "9", "--bsa", "1.2",
        "--condition", "juvenile-dermatomyositis");
    assertTrue(child.out().contains("Advice:   The dose of 1500 mg is above the ceiling"), child.out());
    assertFalse(child.out().contains("Limits:"), child.out());
  }

  @Test
  void aHealthyVolunteerModelGivesNoDoseAdvice() {
    Run jiao = run("simulate", "--model", "jiao-2008", "--dose", "1000", "--condition", "kidney-transplant");
    assertEquals(0, jiao.code(), jiao.err());
    assertTrue(jiao.out().contains("Advice:   No dose advice: Jiao 2008 was fitted on healthy"), jiao.out());
    assertFalse(jiao.out().contains("Reduce"), jiao.out());
  }

  @Test
  void aModelOfOneSteadyStateIntervalEstimatesButGivesNoAdviceNorOtherDoses() {
    String[] ec = {"--model", "fromage-2025", "--dose", "720", "--formulation", "ec-mps-360"};
    String caveat = "Fromage 2025 describes one steady-state dosing interval only";
    Run sim = run(concat(new String[] {"simulate"}, ec, "--condition", "kidney-transplant"));
    assertEquals(0, sim.code(), sim.err());
    assertTrue(sim.out().startsWith("Warning: " + caveat), sim.out());
    assertTrue(sim.out().contains("Advice:   No dose advice: " + caveat), sim.out());
    assertTrue(sim.out().contains("AUC0-12 at steady state:       57.83 mg*h/L"), sim.out());
    // a first dose has no trough before it, which the model's constant C0 stands for: not given
    assertTrue(sim.out().contains("AUC0-12 after the first dose:  not given"), sim.out());
    Run json = run(concat(new String[] {"simulate"}, ec, "--format", "json"));
    assertTrue(json.out().contains("\"firstDoseAucTauMgHPerL\" : null"), json.out());
    Run range = run(concat(new String[] {"simulate"}, ec, "--dose-range", "360:1440:360"));
    assertEquals(2, range.code());
    assertTrue(range.err().contains("--dose-range") && range.err().contains(caveat), range.err());
    Run pop = run(concat(new String[] {"population"}, ec, "--subjects", "20"));
    assertEquals(2, pop.code());
    assertTrue(pop.err().contains(caveat), pop.err());
    Run est = run(concat(new String[] {"estimate"}, ec, "--sample", "1=2.5", "--sample", "3=28", "--sample", "4=12",
        "--sample", "6=3", "--condition", "kidney-transplant"));
    assertEquals(0, est.code(), est.err());
    assertTrue(est.out().contains("AUC0-12 of the sampled interval:"), est.out());
    assertTrue(est.out().contains("Advice:  No dose advice: " + caveat), est.out());
    assertFalse(est.out().contains("Probability that AUC0-12 at"), est.out());
  }

  private static String[] concat(String[] a, String[] b, String... c) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length + c.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    System.arraycopy(c, 0, out, a.length + b.length, c.length);
    return out;
  }

  @Test
  void theEstimatesProbabilityIsAtTheAdvisedDoseNeverAboveTheCeiling() {
    Run r = run("estimate", "--dose", "2000", "--sample", "1=20", "--sample", "3=12", "--sample", "6=6",
        "--condition", "heart-transplant");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("reduce it to at most 1500 mg"), r.out());
    double mg = number(r.out(), "Probability that AUC0-12 at");
    assertTrue(mg <= 1500, r.out());
  }

  @Test
  void populationNamesTheDosesAboveAnAdultsCeiling() {
    Run r = run("population", "--dose", "1000,2000", "--subjects", "100", "--condition", "heart-transplant");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Limit:      2000 mg every 12 h is above an adult's ceiling of 1500 mg"), r.out());
    assertFalse(r.out().contains("1000, 2000 mg"), r.out());
    Run within = run("population", "--dose", "1000,1500", "--subjects", "100");
    assertFalse(within.out().contains("Limit:"), within.out());
  }

  @Test
  void aTrailingCommaInPopulationDosesIsBadInputNotOneDoseFewer() {
    Run r = run("population", "--dose", "1000,", "--subjects", "10");
    assertEquals(2, r.code(), r.out());
    assertTrue(r.err().contains("'1000,' has an empty dose"), r.err());
  }

}
