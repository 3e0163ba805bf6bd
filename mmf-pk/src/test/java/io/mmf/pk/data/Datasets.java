package io.mmf.pk.data;

import io.mmf.core.drug.Drug;
import io.mmf.pk.model.DoseInput;
import io.mmf.pk.model.DoseUnit;
import io.mmf.pk.model.PkModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** Test datasets: CSV text (no quoting) to subjects, and the one-compartment models of the closed forms. */
final class Datasets {
  private Datasets() {}

  /** Absorption rate of the oral model, 1/h. */
  static final double KA = 1.5;
  /** Elimination rate constant, 1/h. */
  static final double K = 0.2;
  /** Volume, L. */
  static final double V = 40;

  /** One compartment with first-order absorption, MPA units (an EC-MPS mg is a mg of MPA, F = 1). */
  static PkModel oral() {
    return PkModel.builder("oral").compartments("depot", "central").transfer("depot", "central", KA)
        .elimination("central", K).observe("MPA", "central", V).doseAny(DoseInput.bolus("depot", 1, 0))
        .doseUnit(DoseUnit.MG_MPA).build();
  }

  /** One compartment, doses straight into it (boluses or zero-order inputs). */
  static PkModel intravenous() {
    return PkModel.builder("iv").compartments("central").elimination("central", K).observe("MPA", "central", V)
        .dose(Drug.MYCOPHENOLATE_SODIUM, DoseInput.bolus("central", 1, 0)).doseUnit(DoseUnit.MG_MPA).build();
  }

  /** The subjects of a CSV text read for a model. */
  static List<DatasetSubject> read(DatasetReader reader, String csv) {
    List<DatasetSubject> out = new ArrayList<>();
    reader.subjects("test.csv", header(csv), rows(csv)).forEachRemaining(out::add);
    return out;
  }

  static List<String> header(String csv) {
    String first = csv.lines().findFirst().orElse("");
    return first.isEmpty() ? List.of() : List.of(first.split(",", -1));
  }

  static Iterator<DatasetReader.Row> rows(String csv) {
    List<String> lines = csv.lines().toList();
    List<DatasetReader.Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      rows.add(new DatasetReader.Row(i + 1, Arrays.asList(lines.get(i).split(",", -1))));
    }
    return rows.iterator();
  }

  /** The one subject of a text. */
  static DatasetSubject one(DatasetReader reader, String csv) {
    List<DatasetSubject> s = read(reader, csv);
    if (s.size() != 1) {
      throw new AssertionError(s.size() + " subjects");
    }
    return s.get(0);
  }

  // closed forms of one compartment, written from the equations (C = amount / V)

  /** Oral bolus D at time 0, concentration at t (0 before). */
  static double oralBolus(double d, double t) {
    return t < 0 ? 0 : d * KA / (V * (KA - K)) * (Math.exp(-K * t) - Math.exp(-KA * t));
  }

  /** Oral bolus D every tau at steady state, s h after a dose (s in [0, tau)). */
  static double oralSteadyState(double d, double tau, double s) {
    return d * KA / (V * (KA - K)) * (Math.exp(-K * s) / (1 - Math.exp(-K * tau))
        - Math.exp(-KA * s) / (1 - Math.exp(-KA * tau)));
  }

  /** IV bolus D at time 0. */
  static double ivBolus(double d, double t) {
    return t < 0 ? 0 : d / V * Math.exp(-K * t);
  }

  /** A zero-order input at rate R (mg/h) over T h from time 0. */
  static double infusion(double rate, double duration, double t) {
    if (t <= 0) {
      return 0;
    }
    double plateau = rate / (K * V);
    return t <= duration ? plateau * (1 - Math.exp(-K * t))
        : plateau * (1 - Math.exp(-K * duration)) * Math.exp(-K * (t - duration));
  }

  /** The steady state of a zero-order input at rate R over T every tau, s h after a start (s in [0, tau)). */
  static double infusionSteadyState(double rate, double duration, double tau, double s) {
    double plateau = rate / (K * V);
    double tail = plateau * (1 - Math.exp(-K * duration)) * Math.exp(-K * (s - duration)) * Math.exp(-K * tau)
        / (1 - Math.exp(-K * tau));
    double last = s <= duration ? plateau * (1 - Math.exp(-K * s))
        : plateau * (1 - Math.exp(-K * duration)) * Math.exp(-K * (s - duration));
    // the doses before the last one (n >= 1 intervals back, all past their end): a geometric series
    return last + tail;
  }
}
