package io.mmf.pk.data;

import static io.mmf.pk.data.Datasets.K;
import static io.mmf.pk.data.Datasets.V;
import static io.mmf.pk.data.Datasets.infusion;
import static io.mmf.pk.data.Datasets.infusionSteadyState;
import static io.mmf.pk.data.Datasets.ivBolus;
import static io.mmf.pk.data.Datasets.oralBolus;
import static io.mmf.pk.data.Datasets.oralSteadyState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Regimen;
import io.mmf.pk.dosing.CovariateInterpolation;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.dosing.SteadyStateMode;
import io.mmf.pk.model.CovariateModel;
import io.mmf.pk.model.DoseInput;
import io.mmf.pk.model.DoseUnit;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.solve.ConcentrationSolver;
import io.mmf.pk.solve.ExactSolver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each record semantics of a dataset, simulated through the reader: IPRED equals the engine's own answer
 * on the equivalent records built through the API, and a one-compartment closed form written here.
 */
class DatasetSemanticsTest {
  private static final ConcentrationSolver SOLVER = new ExactSolver();
  private static final Drug EC_MPS = Drug.MYCOPHENOLATE_SODIUM;
  private static final DatasetReader ORAL = DatasetReader.forModel(Datasets.oral());
  private static final DatasetReader IV = DatasetReader.forModel(Datasets.intravenous());

  /** IPRED at the subject's observation rows, in input order. */
  private static double[] ipred(DatasetSubject s, CovariateModel model) {
    DatasetPredictions p = DatasetPredictions.of(s, model, null, SOLVER);
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < s.rows().size(); i++) {
      if (s.rows().get(i).kind() == io.mmf.pk.dosing.EventKind.OBSERVATION) {
        out.add(p.individualMgPerL(i, 0));
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The dataset's IPRED against the engine on the API's records and against the closed form. */
  private static void check(double[] ipred, CovariateModel model, DoseRecords api, double[] closed) {
    double[] engine = SOLVER.observe(model, api).analyteConcentrationsMgPerL(0);
    assertEquals(engine.length, ipred.length);
    assertEquals(closed.length, ipred.length);
    for (int i = 0; i < ipred.length; i++) {
      assertEquals(engine[i], ipred[i], 1e-13 * Math.max(1, engine[i]), "engine, observation " + i);
      assertEquals(closed[i], ipred[i], 1e-10 * Math.max(1, closed[i]), "closed form, observation " + i);
    }
  }

  @Test
  void additionalDosesEveryIntervalAreSummedAndATroughSeesTheStateBeforeTheDose() {
    DatasetSubject s = Datasets.one(ORAL, """
        ID,TIME,EVID,AMT,DRUG,II,ADDL,DV
        1,0,1,500,EC-MPS,12,3,
        1,1,0,0,,0,0,5
        1,12,0,0,,0,0,1
        1,13,0,0,,0,0,
        1,40,0,0,,0,0,
        1,60,0,.,,.,.,.
        """);
    double[] t = {1, 12, 13, 40, 60};
    double[] closed = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      for (int k = 0; k <= 3; k++) {
        closed[i] += t[i] > 12 * k ? oralBolus(500, t[i] - 12 * k) : 0; // a dose at 12 comes after the trough
      }
    }
    List<DoseRecord> api = new ArrayList<>(List.of(DoseRecord.dose(0, EC_MPS, 500).withAdditionalDoses(3, 12)));
    for (double x : t) {
      api.add(DoseRecord.observation(x));
    }
    check(ipred(s, Datasets.oral()), Datasets.oral(), DoseRecords.of(api), closed);
  }

  @Test
  void steadyStateOneReplacesTheStateByTheSteadyStateOfThatDose() {
    DatasetSubject s = Datasets.one(ORAL, """
        ID,TIME,EVID,AMT,DRUG,II,SS
        7,0,1,900,EC-MPS,0,0
        7,24,1,300,EC-MPS,12,1
        7,25,0,0,,0,0
        7,30,0,0,,0,0
        7,47,0,0,,0,0
        """);
    double[] t = {25, 30, 47};
    double[] closed = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      closed[i] = oralSteadyState(300, 12, t[i] - 24); // the 900 mg before is gone; nothing follows the series
    }
    DoseRecords api = DoseRecords.of(DoseRecord.dose(0, EC_MPS, 900),
        DoseRecord.dose(24, EC_MPS, 300).withSteadyState(SteadyStateMode.RESET, 12), DoseRecord.observation(25),
        DoseRecord.observation(30), DoseRecord.observation(47));
    check(ipred(s, Datasets.oral()), Datasets.oral(), api, closed);
  }

  @Test
  void steadyStateOneOnAClockModelIsTheLimitOfTheSeriesOverTheCommonPeriodOfIiAnd24Hours() {
    // gallbladder emptying at 7:00 and 19:00 every day; II 16 h: the doses meet the clock again every 48 h, so
    // the steady state is periodic over 48 h, not 16. The SS 1 dose at TIME 1600 (16:00) against the same
    // dose taken 100 times every 16 h up to it (1584 h of history: every mode long decayed), no SS involved.
    PkModel clock = io.mmf.pk.model.Presets.jiao2008(70).withEmptyingWindows(
        io.mmf.pk.model.EmptyingWindows.atClockTimes(new io.mmf.pk.model.Window(7, 1),
            new io.mmf.pk.model.Window(19, 1.5)));
    DatasetReader reader = DatasetReader.forModel(clock);
    double[] after = {0.5, 3, 7.25, 15.9};
    StringBuilder ss = new StringBuilder("ID,TIME,EVID,AMT,II,SS\n1,1600,1,1000,16,1\n");
    StringBuilder series = new StringBuilder("ID,TIME,EVID,AMT,II,ADDL\n1,16,1,1000,16,99\n");
    for (double a : after) {
      ss.append("1,").append(1600 + a).append(",0,0,,\n");
      series.append("1,").append(1600 + a).append(",0,0,,\n");
    }
    double[] steady = ipred(Datasets.one(reader, ss.toString()), clock);
    double[] limit = ipred(Datasets.one(reader, series.toString()), clock);
    for (int i = 0; i < after.length; i++) {
      assertEquals(limit[i], steady[i], 1e-9 * limit[i], after[i] + " h after the dose at 16:00");
    }
    // the same steady state with its dose at 08:00 (TIME 1592) meets the windows at other hours after the dose:
    // another curve, where a period of II alone would give the same one
    StringBuilder morning = new StringBuilder("ID,TIME,EVID,AMT,II,SS\n1,1592,1,1000,16,1\n");
    for (double a : after) {
      morning.append("1,").append(1592 + a).append(",0,0,,\n");
    }
    double[] early = ipred(Datasets.one(reader, morning.toString()), clock);
    assertTrue(Math.abs(early[2] - steady[2]) > 1e-3 * steady[2], early[2] + " vs " + steady[2]);
  }

  @Test
  void steadyStateTwoAddsTheSteadyStateToTheCurrentState() {
    DatasetSubject s = Datasets.one(ORAL, """
        ID,TIME,EVID,AMT,DRUG,II,SS
        7,0,1,900,EC-MPS,0,0
        7,6,1,300,EC-MPS,12,2
        7,7,0,0,,0,0
        7,20,0,0,,0,0
        """);
    double[] t = {7, 20};
    double[] closed = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      closed[i] = oralBolus(900, t[i]) + oralSteadyState(300, 12, t[i] - 6);
    }
    DoseRecords api = DoseRecords.of(DoseRecord.dose(0, EC_MPS, 900),
        DoseRecord.dose(6, EC_MPS, 300).withSteadyState(SteadyStateMode.ADD, 12), DoseRecord.observation(7),
        DoseRecord.observation(20));
    check(ipred(s, Datasets.oral()), Datasets.oral(), api, closed);
  }

  @Test
  void aResetZeroesTheStateAndCancelsPendingAdditionalDoses() {
    DatasetSubject s = Datasets.one(ORAL, """
        ID,TIME,EVID,AMT,DRUG,II,ADDL
        2,0,1,500,EC-MPS,12,5
        2,5,0,0,,,
        2,30,3,0,,,
        2,31,0,0,,,
        2,40,0,0,,,
        2,48,1,200,EC-MPS,,
        2,50,0,0,,,
        """);
    double[] t = {5, 31, 40, 50};
    double[] closed = {oralBolus(500, 5), 0, 0, oralBolus(200, 2)};
    DoseRecords api = DoseRecords.of(DoseRecord.dose(0, EC_MPS, 500).withAdditionalDoses(5, 12),
        DoseRecord.observation(5), DoseRecord.reset(30), DoseRecord.observation(31), DoseRecord.observation(40),
        DoseRecord.dose(48, EC_MPS, 200), DoseRecord.observation(50));
    check(ipred(s, Datasets.oral()), Datasets.oral(), api, closed);
    assertEquals(t.length, ipred(s, Datasets.oral()).length);
  }

  @Test
  void resetAndDoseStartsAgainFromItsOwnDose() {
    DatasetSubject s = Datasets.one(ORAL, """
        ID,TIME,EVID,AMT,DRUG,II,ADDL
        2,0,1,500,EC-MPS,12,5
        2,30,4,200,EC-MPS,,
        2,40,0,0,,,
        """);
    DoseRecords api = DoseRecords.of(DoseRecord.dose(0, EC_MPS, 500).withAdditionalDoses(5, 12),
        DoseRecord.resetAndDose(30, EC_MPS, 200), DoseRecord.observation(40));
    check(ipred(s, Datasets.oral()), Datasets.oral(), api, new double[] {oralBolus(200, 10)});
  }

  @Test
  void rateAndDurationGiveZeroOrderInputsAndTheirSteadyState() {
    DatasetSubject rate = Datasets.one(IV, """
        ID,TIME,EVID,AMT,RATE,DUR,II,SS
        1,0,1,100,50,,,
        1,1,0,0,,,,
        1,2,0,0,,,,
        1,5,0,0,,,,
        """);
    double[] t = {1, 2, 5};
    double[] closed = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      closed[i] = infusion(50, 2, t[i]);
    }
    PkModel iv = Datasets.intravenous();
    DoseRecords api = DoseRecords.of(DoseRecord.dose(0, EC_MPS, 100).withRate(50), DoseRecord.observation(1),
        DoseRecord.observation(2), DoseRecord.observation(5));
    check(ipred(rate, iv), iv, api, closed);

    DatasetSubject duration = Datasets.one(IV, """
        ID,TIME,EVID,AMT,RATE,DUR
        1,0,1,100,-2,4
        1,3,0,0,,
        1,6,0,0,,
        """);
    check(ipred(duration, iv), iv, DoseRecords.of(DoseRecord.dose(0, EC_MPS, 100).withDuration(4),
        DoseRecord.observation(3), DoseRecord.observation(6)), new double[] {infusion(25, 4, 3), infusion(25, 4, 6)});

    DatasetSubject steady = Datasets.one(IV, """
        ID,TIME,EVID,AMT,RATE,II,SS
        1,0,1,100,50,12,1
        1,1,0,0,,,
        1,7,0,0,,,
        """);
    check(ipred(steady, iv), iv, DoseRecords.of(DoseRecord.dose(0, EC_MPS, 100).withRate(50)
            .withSteadyState(SteadyStateMode.RESET, 12), DoseRecord.observation(1), DoseRecord.observation(7)),
        new double[] {infusionSteadyState(50, 2, 12, 1), infusionSteadyState(50, 2, 12, 7)});
  }

  /** Clearance proportional to a covariate CRCL (reference 50): k = K CRCL / 50. */
  private static final CovariateModel BY_CRCL = c -> PkModel.builder("iv-crcl").compartments("central")
      .elimination("central", K * c.getOrDefault("CRCL", 50.0) / 50).observe("MPA", "central", V)
      .dose(EC_MPS, DoseInput.bolus("central", 1, 0)).doseUnit(DoseUnit.MG_MPA).build();

  @Test
  void aCovariateChangeActsFromItsRowForwardOrUpToItBackward() {
    String csv = """
        ID,TIME,EVID,AMT,crcl
        1,0,1,100,50
        1,3,0,0,
        1,6,2,0,100
        1,8,0,0,
        """;
    DatasetReader reader = IV.withCovariate("CRCL", v -> v > 0, "> 0");
    double k1 = K;
    double k2 = 2 * K;
    DoseRecords api = DoseRecords.of(DoseRecord.dose(0, EC_MPS, 100).withCovariate("CRCL", 50),
        DoseRecord.observation(3), DoseRecord.observation(6).withCovariate("CRCL", 100), DoseRecord.observation(8));
    // LOCF: 50 until the row at 6 h, 100 after; the EVID 2 row is predicted too, but not an observation here
    DatasetSubject locf = Datasets.one(reader, csv);
    DatasetPredictions p = DatasetPredictions.of(locf, BY_CRCL, null, SOLVER);
    double[] engine = SOLVER.observe(BY_CRCL, api).analyteConcentrationsMgPerL(0);
    double[] closed = {100 / V * Math.exp(-k1 * 3), 100 / V * Math.exp(-k1 * 6),
        100 / V * Math.exp(-k1 * 6 - k2 * 2)};
    int[] rows = {1, 2, 3};
    for (int i = 0; i < rows.length; i++) {
      assertEquals(engine[i], p.individualMgPerL(rows[i], 0), 1e-13, "engine, row " + rows[i]);
      assertEquals(closed[i], p.individualMgPerL(rows[i], 0), 1e-12, "closed form, row " + rows[i]);
    }
    // NOCB: the 100 given at 6 h holds back to the dose, the 50 on the dose row over nothing before it
    DatasetSubject nocb = Datasets.one(reader.withInterpolation(CovariateInterpolation.NOCB), csv);
    DatasetPredictions q = DatasetPredictions.of(nocb, BY_CRCL, null, SOLVER);
    double[] engineNocb = SOLVER.observe(BY_CRCL, api.withInterpolation(CovariateInterpolation.NOCB))
        .analyteConcentrationsMgPerL(0);
    double[] closedNocb = {100 / V * Math.exp(-k2 * 3), 100 / V * Math.exp(-k2 * 6), 100 / V * Math.exp(-k2 * 8)};
    for (int i = 0; i < rows.length; i++) {
      assertEquals(engineNocb[i], q.individualMgPerL(rows[i], 0), 1e-13, "engine, NOCB, row " + rows[i]);
      assertEquals(closedNocb[i], q.individualMgPerL(rows[i], 0), 1e-12, "closed form, NOCB, row " + rows[i]);
    }
  }

  @Test
  void aMissedDoseIsADoseRowThatIsNotThere() {
    DatasetSubject s = Datasets.one(ORAL, """
        ID,TIME,EVID,AMT,DRUG
        3,0,1,500,ec-mps-180
        3,12,1,500,EC-MPS
        3,36,1,500,2
        3,40,0,0,
        """);
    double closed = oralBolus(500, 40) + oralBolus(500, 28) + oralBolus(500, 4);
    Regimen r = Regimen.of(Formulation.EC_MPS_TABLET_180, Dose.ofMg(500), DosingInterval.everyHours(12));
    List<DoseRecord> api = new ArrayList<>(DosingSchedule.fromRegimen(r, 4).withMissedDose(2).toRecords().records());
    api.add(DoseRecord.observation(40));
    check(ipred(s, Datasets.oral()), Datasets.oral(), DoseRecords.of(api), new double[] {closed});
    assertEquals(Formulation.EC_MPS_TABLET_180, s.rows().get(0).formulation().orElseThrow());
  }

  @Test
  void rowsAtOneInstantActInFileOrder() {
    DatasetSubject s = Datasets.one(IV, """
        ID,TIME,EVID,AMT
        1,5,0,0
        1,5,1,100
        1,5,0,0
        1,9,0,0
        """);
    double[] ipred = ipred(s, Datasets.intravenous());
    assertEquals(0, ipred[0], 0, "an observation listed before the dose sees the state before it");
    assertEquals(100 / V, ipred[1], 1e-12, "an observation listed after a bolus into its compartment sees it");
    assertEquals(ivBolus(100, 4), ipred[2], 1e-12);
  }

  @Test
  void timeAfterDoseCountsFromTheLastAdministrationEachRowSees() {
    DatasetSubject s = Datasets.one(ORAL, """
        ID,TIME,EVID,AMT,DRUG,II,ADDL
        1,0,0,0,,,
        1,2,1,500,EC-MPS,12,2
        1,14,0,0,,,
        1,15,2,0,,,
        1,20,3,0,,,
        1,21,0,0,,,
        1,22,1,100,EC-MPS,,
        1,22,0,0,,,
        """);
    DatasetPredictions p = DatasetPredictions.of(s, Datasets.oral(), null, SOLVER);
    double[] expected = {Double.NaN, 0, 12, 1, Double.NaN, Double.NaN, 0, 0};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], p.hoursAfterDose(i), 0, "row " + i);
    }
    assertTrue(Double.isNaN(p.individualMgPerL(1, 0)), "a dose row has no prediction");
    assertEquals(oralBolus(500, 13) + oralBolus(500, 1), p.individualMgPerL(3, 0), 1e-12,
        "an EVID 2 row is a prediction at a time");
  }

  @Test
  void sortedTimesKeepRowsAtOneTimeInOrderAndWriteInInputOrder() {
    String csv = """
        ID,TIME,EVID,AMT,DRUG
        1,8,0,0,
        1,0,1,500,EC-MPS
        1,4,0,0,
        """;
    DatasetSubject s = Datasets.one(ORAL.sortingTimes(true), csv);
    DatasetPredictions p = DatasetPredictions.of(s, Datasets.oral(), null, SOLVER);
    assertEquals(oralBolus(500, 8), p.individualMgPerL(0, 0), 1e-12);
    assertEquals(oralBolus(500, 4), p.individualMgPerL(2, 0), 1e-12);
    assertEquals(8.0, s.rows().get(0).timeHours());
  }

  @Test
  void theClockOfTimeZeroShiftsTheRecordsNotTheirOutput() {
    DatasetSubject s = Datasets.one(ORAL.withClockAtTimeZero(8), """
        ID,TIME,EVID,AMT,DRUG
        1,0,1,500,EC-MPS
        1,2,0,0,
        """);
    assertEquals(8.0, s.records().records().get(0).timeHours());
    DatasetPredictions p = DatasetPredictions.of(s, Datasets.oral(), null, SOLVER);
    assertEquals(oralBolus(500, 2), p.individualMgPerL(1, 0), 1e-12);
    assertEquals(2.0, p.hoursAfterDose(1));
  }
}
