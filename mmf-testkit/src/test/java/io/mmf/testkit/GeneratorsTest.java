package io.mmf.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Drug;
import io.mmf.core.regimen.RegimenCheck;
import io.mmf.core.safety.RiskFactor;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.model.EmptyingWindows;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Window;
import io.mmf.testkit.core.CoreGenerators;
import io.mmf.testkit.pk.PkGenerators;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** What each generator promises, checked over its output (not by the code that generates it). */
class GeneratorsTest {

  /** What a generator yields over {@code count} examples at the build's fixed seed. */
  private static <T> Set<T> draw(Gen<T> gen, int count) {
    Set<T> out = new HashSet<>();
    qt().withExamples(count).forAll(gen).checkAssert(out::add);
    return out;
  }

  @Test
  void boundaryDosesHitEachLimitAndBothSidesOfIt() {
    Set<Dose> mmf = draw(CoreGenerators.dosesAtBoundaries(Drug.MYCOPHENOLATE_MOFETIL), 2000);
    for (double limit : new double[] {RegimenCheck.LABEL_MAX_MMF_MG_PER_ADMINISTRATION,
        RegimenCheck.LABEL_MAX_MMF_MG_PER_DAY, RegimenCheck.RENAL_CAP_MG_PER_DAY}) {
      assertTrue(mmf.contains(Dose.ofMg(limit)), "exactly " + limit);
      assertTrue(mmf.contains(Dose.ofMg(Math.nextUp(limit))), "just above " + limit);
      assertTrue(mmf.contains(Dose.ofMg(Math.nextDown(limit))), "just below " + limit);
    }
    Set<Dose> ecMps = draw(CoreGenerators.dosesAtBoundaries(Drug.MYCOPHENOLATE_SODIUM), 2000);
    assertTrue(ecMps.contains(Dose.ofMg(720)) && ecMps.contains(Dose.ofMg(1440)) && ecMps.contains(Dose.ofMg(721)));
  }

  @Test
  void dosesPerAdministrationAreWholeUnitsUpToTheSingleAdministrationMaximum() {
    qt().forAll(CoreGenerators.regimens()).checkAssert(r -> {
      double unit = switch (r.formulation()) {
        case MMF_ORAL_SUSPENSION -> 50;
        case MMF_INTRAVENOUS -> 250;
        default -> r.formulation().strengthMg();
      };
      double max = r.formulation().drug() == Drug.MYCOPHENOLATE_SODIUM ? 720 : 1500;
      assertEquals(0, r.dose().mg() % unit, r.toString());
      assertTrue(r.dose().mg() >= unit && r.dose().mg() <= max, r.toString());
    });
  }

  @Test
  void titratedRegimensStartLowAndStepUpToTheirDose() {
    qt().forAll(CoreGenerators.titratedRegimens()).checkAssert(r -> {
      var t = r.titration().orElseThrow();
      assertTrue(t.startDose().mg() < r.dose().mg());
      assertEquals(t.startDose(), r.doseOnDay(0));
      assertEquals(r.dose(), r.doseOnDay(100_000));
      assertTrue(r.startDate().isPresent());
    });
  }

  @Test
  void patientsAtTheRenalBoundaryStraddleIt() {
    Set<Double> gfr = new HashSet<>();
    draw(CoreGenerators.patientsAtRenalBoundary(), 500).forEach(p -> gfr.add(p.gfrMlPerMinPer173M2().getAsDouble()));
    assertTrue(gfr.contains(25.0) && gfr.contains(Math.nextUp(25.0)) && gfr.contains(Math.nextDown(25.0)), gfr.toString());
  }

  @Test
  void profilesHoldAtMostOnePregnancyStatusAndSometimesMany() {
    Set<RiskFactor> pregnancy = EnumSet.of(RiskFactor.PREGNANT, RiskFactor.PLANNING_PREGNANCY,
        RiskFactor.CAN_BECOME_PREGNANT, RiskFactor.PREGNANCY_STATUS_UNKNOWN);
    var profiles = draw(CoreGenerators.profiles(), 500);
    int most = 0;
    for (var p : profiles) {
      assertTrue(p.riskFactors().stream().filter(pregnancy::contains).count() <= 1);
      most = Math.max(most, p.riskFactors().size() + p.coMedications().size());
    }
    assertTrue(most >= 4, "some profiles have several factors and drugs: " + most);
  }

  @Test
  void labResultsTakeEveryAnalyteAndUnit() {
    var results = draw(CoreGenerators.labResults(), 3000);
    Set<String> seen = new HashSet<>();
    results.forEach(r -> seen.add(r.analyte() + " " + r.unit()));
    int pairs = 0;
    for (var a : io.mmf.core.monitoring.Analyte.values()) {
      pairs += a.units().size();
    }
    assertEquals(pairs, seen.size(), seen.toString());
  }

  @Test
  void windowsAcrossMidnightAreOpenOnBothSidesOfIt() {
    qt().forAll(PkGenerators.windowsAcrossMidnight()).checkAssert(w -> {
      assertEquals(EmptyingWindows.Anchor.CLOCK, w.anchor());
      Window late = w.windows().stream().filter(x -> x.startHours() >= 18).findFirst().orElseThrow();
      boolean crosses = w.windows().stream().anyMatch(x -> x.startHours() == 0);
      if (crosses) {
        assertEquals(EmptyingWindows.DAY_HOURS, late.endHours(), 1e-12, "the late window runs to midnight");
      }
      assertTrue(late.endHours() <= EmptyingWindows.DAY_HOURS);
    });
    long crossing = draw(PkGenerators.windowsAcrossMidnight(), 300).stream()
        .filter(w -> w.windows().stream().anyMatch(x -> x.startHours() == 0)).count();
    assertTrue(crossing > 100, "most cross midnight: " + crossing);
  }

  @Test
  void coincidingRateModelsPutKaOnAnEigenvalueOfTheRest() {
    qt().withExamples(300).forAll(PkGenerators.coincidingRateModels()).checkAssert(m -> {
      // The absorption rate (out of the depot, or of the last transit) within 1e-6 relative of a rate the
      // model's other compartments decay at, by Commons Math's eigenvalues of the disposition block.
      double ka = m.transfers().stream().filter(t -> t.from().equals("depot")).findFirst().orElseThrow().ratePerHour();
      double closest = Double.POSITIVE_INFINITY;
      for (double rate : otherRates(m)) {
        closest = Math.min(closest, Math.abs(rate - ka) / ka);
      }
      assertTrue(closest <= 1.01e-6, m + " " + m.transfers() + ": " + closest);
    });
  }

  private static double[] otherRates(PkModel m) {
    int n = m.compartments().size();
    int depot = m.compartments().indexOf("depot");
    double[] a = m.rateMatrix(false);
    double[][] rows = new double[n - 1][n - 1];
    for (int i = 0, r = 0; i < n; i++) {
      if (i == depot) {
        continue;
      }
      for (int j = 0, c = 0; j < n; j++) {
        if (j != depot) {
          rows[r][c++] = a[i * n + j];
        }
      }
      r++;
    }
    double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(rows)).getRealEigenvalues();
    for (int i = 0; i < ev.length; i++) {
      ev[i] = -ev[i];
    }
    return ev;
  }

  @Test
  void doseHistoriesUseEveryKindOfRecordAndStayFinite() {
    Set<String> kinds = new HashSet<>();
    for (var r : draw(PkGenerators.doseRecords(), 500)) {
      long doses = 0;
      for (DoseRecord d : r.records()) {
        kinds.add(d.kind() + (d.additionalDoses() > 0 ? " ADDL" : "") + (d.rateMgPerHour() > 0 ? " RATE" : "")
            + (d.durationHours() > 0 ? " DUR" : "") + " SS" + d.steadyState());
        doses += d.kind().isDose() ? 1 + d.additionalDoses() : 0;
      }
      assertTrue(r.records().size() <= 8 && doses <= 8 * 21);
    }
    for (String k : new String[] {"DOSE SSNONE", "DOSE ADDL SSNONE", "DOSE RATE SSNONE", "DOSE DUR SSNONE",
        "OBSERVATION SSNONE", "OTHER SSNONE", "RESET SSNONE", "RESET_AND_DOSE SSNONE", "DOSE SSRESET", "DOSE SSADD"}) {
      assertTrue(kinds.contains(k), k + " in " + kinds);
    }
    for (var r : draw(PkGenerators.superposableDoseRecords(), 300)) {
      assertTrue(r.records().stream().noneMatch(d -> d.kind().name().startsWith("RESET")
          || d.steadyState() != io.mmf.pk.dosing.SteadyStateMode.NONE), r.toString());
    }
  }

  @Test
  void datasetsSpellTheirRecordsInEveryWayTheyPromise() {
    Set<String> seen = new HashSet<>();
    for (var d : draw(PkGenerators.datasets(), 400)) {
      java.util.List<String> upper = d.header().stream().map(h -> h.toUpperCase(java.util.Locale.ROOT)).toList();
      assertTrue(upper.containsAll(java.util.List.of("ID", "TIME", "AMT")), d.toString());
      assertEquals(upper.size(), new HashSet<>(upper).size(), "no column twice, in any case: " + d.header());
      assertEquals(d.rows().size(), d.expected().size());
      int rows = 0;
      for (var s : d.subjects()) {
        assertEquals(rows, s.firstRow(), "subjects' rows together, in order");
        assertEquals(s.records().records(), d.expected().subList(rows, rows + s.rowCount()).stream()
            .map(io.mmf.testkit.pk.GeneratedDataset.Line::record).toList());
        rows += s.rowCount();
      }
      assertEquals(d.rows().size(), rows);
      assertTrue(d.subjects().size() >= 1 && d.subjects().size() <= 5);
      if (!upper.contains("EVID")) {
        seen.add("no EVID");
      }
      if (!d.header().equals(upper)) {
        seen.add("a header not in upper case");
      }
      if (upper.indexOf("ID") != 0) {
        seen.add("ID not first");
      }
      for (var row : d.rows()) {
        for (int i = 0; i < row.size(); i++) {
          String c = row.get(i);
          String col = upper.get(i);
          seen.add(col + "=" + kindOfCell(col, row.get(i)));
        }
      }
    }
    for (String s : new String[] {"no EVID", "a header not in upper case", "ID not first", "EVID=0", "EVID=1",
        "EVID=2", "EVID=3", "EVID=4", "RATE=-1", "RATE=-2", "RATE=value", "DUR=value", "SS=1", "SS=2", "ADDL=value",
        "II=value", "CMT=number", "CMT=name", "CMT=0", "CMT=.", "DRUG=number", "DRUG=name", "DV=<", "DV=.", "DV=value",
        "MDV=1", "BLQ=1", "LLOQ=value", "CENS=1", "SITE=comma", "SITE=quote", "AMT=.", "OCC=value"}) {
      assertTrue(seen.contains(s), s + " in " + new java.util.TreeSet<>(seen));
    }
  }

  /** A cell as the coverage counts it: flags and codes as they are, other cells by their kind. */
  private static String kindOfCell(String column, String c) {
    if (java.util.List.of("EVID", "SS", "MDV", "BLQ", "CENS", "RATE").contains(column) && c.length() <= 2
        || c.isEmpty() || c.equals(".") || c.equals("0")) {
      return c;
    }
    if (c.startsWith("<")) {
      return "<";
    }
    if (c.contains(",")) {
      return "comma";
    }
    if (c.contains("\"")) {
      return "quote";
    }
    if (column.equals("CMT") || column.equals("DRUG")) {
      return Character.isDigit(c.charAt(0)) ? "number" : "name";
    }
    return "value";
  }

  @Test
  void aDatasetsTextHasOneLineForTheHeaderAndEachRow() {
    qt().withExamples(100).forAll(PkGenerators.datasets()).checkAssert(d -> {
      String csv = d.csv();
      assertTrue(csv.endsWith("\n"));
      assertEquals(d.rows().size() + 1, csv.lines().count(), "no cell holds a line break");
      assertEquals(String.join(",", d.header()), csv.lines().findFirst().orElseThrow());
      for (int i = 0; i < d.readerRows().size(); i++) {
        assertEquals(i + 2, d.readerRows().get(i).line());
        assertEquals(d.rows().get(i), d.readerRows().get(i).cells());
      }
    });
  }

  @Test
  void populationModelsVaryTheirIndividualsAroundTheTypicalOne() {
    qt().withExamples(50).forAll(PkGenerators.populationModels()).checkAssert(p -> {
      assertEquals(java.util.List.of("CL", "V1", "KA"), p.randomEffects().parameters());
      PkModel typical = p.individual(new double[3]);
      PkModel higherCl = p.individual(new double[] {Math.log(2), 0, 0});
      double k = elimination(typical);
      assertEquals(2 * k, elimination(higherCl), 1e-12 * k, "eta_CL = ln 2 doubles CL at the same V1");
    });
  }

  @Test
  void gammaInputModelsSpanTheirShapesMeansAndTwoLawSplits() {
    boolean[] seen = new boolean[5]; // a Savic chain, a whole-number chain, one law, two laws, a shape below 1
    qt().withExamples(400).forAll(PkGenerators.gammaInputModels()).checkAssert(m -> {
      List<PkModel.GammaLaw> laws = m.gammaInput();
      assertTrue(laws.size() == 1 || laws.size() == 2, m.name() + " " + laws);
      assertEquals(1, laws.stream().mapToDouble(PkModel.GammaLaw::fraction).sum(), 1e-12);
      for (PkModel.GammaLaw law : laws) {
        double mean = law.shape() / law.ratePerHour();
        assertTrue(law.shape() >= 0.5 && law.shape() <= 30 && law.ratePerHour() >= 0.25, law.toString());
        assertTrue(mean <= 12 * (1 + 1e-12) && (mean >= 0.1 * (1 - 1e-12) || law.ratePerHour() == 1e4), law.toString());
        seen[4] |= law.shape() < 1;
      }
      if (m.savicTransit().isPresent()) {
        double n = m.savicTransit().get().n();
        assertTrue(n >= 0 && n <= 20, "n " + n);
        assertTrue(m.transfers().stream().anyMatch(t -> t.from().equals("depot")), "a chain feeds a depot");
        seen[0] = true;
        seen[1] |= n == Math.rint(n);
      } else {
        assertTrue(m.inputs().values().stream().allMatch(i -> i.compartment().equals("central")), m.inputs().toString());
        seen[laws.size() + 1] = true;
      }
      if (laws.size() == 2) {
        assertTrue(laws.get(0).fraction() >= 0.2 && laws.get(0).fraction() <= 0.8, laws.toString());
      }
    });
    for (int i = 0; i < seen.length; i++) {
      assertTrue(seen[i], "kind " + i);
    }
  }

  @Test
  void historiesForAModelWithAGammaInputHaveNoZeroOrderRecordAndDoseItsDrugs() {
    PkModel gamma = draw(PkGenerators.gammaAbsorptionModels(), 1).iterator().next();
    Set<String> kinds = new HashSet<>();
    for (var r : draw(PkGenerators.doseRecords(gamma), 400)) {
      for (DoseRecord d : r.records()) {
        assertTrue(d.rateMgPerHour() == 0 && d.durationHours() == 0, d.toString());
        kinds.add(d.kind() + " SS" + d.steadyState());
      }
    }
    assertTrue(kinds.containsAll(List.of("DOSE SSNONE", "DOSE SSRESET", "DOSE SSADD", "RESET SSNONE",
        "RESET_AND_DOSE SSNONE", "OBSERVATION SSNONE")), kinds.toString());
    for (var d : draw(PkGenerators.datasets(gamma), 100)) {
      d.expected().forEach(line -> assertTrue(line.record().rateMgPerHour() == 0
          && line.record().durationHours() == 0, line.toString()));
    }
    // a model without a gamma input still gets zero-order records, in its own drug only
    PkModel m1 = io.mmf.pk.model.ModelFamilies.firstOrder("M1 MMF only", 1, 0,
        new io.mmf.pk.model.ModelFamilies.Disposition(10, 30, 0, 1), io.mmf.pk.model.DoseUnit.MG_MPA,
        Drug.MYCOPHENOLATE_MOFETIL);
    boolean zeroOrder = false;
    for (var r : draw(PkGenerators.superposableDoseRecords(m1), 300)) {
      for (DoseRecord d : r.records()) {
        zeroOrder |= d.rateMgPerHour() > 0 || d.durationHours() > 0;
        assertTrue(!d.kind().isDose() || d.drug() == Drug.MYCOPHENOLATE_MOFETIL, d.toString());
        assertTrue(d.steadyState() == io.mmf.pk.dosing.SteadyStateMode.NONE && !d.kind().name().startsWith("RESET"));
      }
    }
    assertTrue(zeroOrder);
  }

  private static double elimination(PkModel m) {
    return m.transfers().stream().filter(t -> t.from().equals("central") && t.to().isEmpty())
        .mapToDouble(PkModel.Transfer::ratePerHour).sum();
  }
}
