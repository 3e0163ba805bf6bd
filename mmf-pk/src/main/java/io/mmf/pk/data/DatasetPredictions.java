package io.mmf.pk.data;

import io.mmf.core.internal.Checks;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.dosing.EventKind;
import io.mmf.pk.model.CovariateModel;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.pk.solve.ConcentrationSolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One subject's predictions at its rows, the columns a simulated dataset adds: {@code IPRED} (the
 * individual prediction of the primary analyte, mg/L), {@code IPRED_<analyte>} for each further analyte
 * (e.g. {@code IPRED_MPAG}), {@code TAD} (h after the last dose the row sees) and, where a typical
 * model is given, {@code PRED} (its prediction of the primary analyte, mg/L).
 *
 * <p>Predictions are given on observation rows (EVID 0) and other-type rows (EVID 2, NONMEM's
 * "prediction at a time"), each seeing the rows before it at its instant; rows that give a dose or
 * reset have none. TAD is given on every row after the first dose (see
 * {@link DoseRecords#hoursAfterDose()}). Immutable.
 */
public final class DatasetPredictions {
  /** The name of the individual prediction column. */
  public static final String IPRED = "IPRED";
  /** The name of the population (typical) prediction column. */
  public static final String PRED = "PRED";
  /** The name of the time-after-dose column. */
  public static final String TAD = "TAD";

  private final DatasetSubject subject;
  /** [analyte][record]: NaN where the record has no prediction. */
  private final double[][] individual;
  private final double[] typical;
  private final double[] hoursAfterDose;

  private DatasetPredictions(DatasetSubject subject, double[][] individual, double[] typical,
      double[] hoursAfterDose) {
    this.subject = subject;
    this.individual = individual;
    this.typical = typical;
    this.hoursAfterDose = hoursAfterDose;
  }

  /**
   * Simulates one subject.
   *
   * @param subject the subject
   * @param model the individual's model (its covariates from the subject's rows)
   * @param typical the population's typical model for PRED, or null for none
   * @param solver the solver
   * @return the predictions
   * @throws NullPointerException if {@code subject}, {@code model} or {@code solver} is null
   * @throws IllegalArgumentException if the model cannot take the subject's records (a covariate out of the
   *     model's range)
   * @throws io.mmf.pk.solve.SolverException if the solve fails
   */
  public static DatasetPredictions of(DatasetSubject subject, CovariateModel model, CovariateModel typical,
      ConcentrationSolver solver) {
    Checks.notNull(subject, "subject");
    Checks.notNull(model, "model");
    Checks.notNull(solver, "solver");
    DoseRecords records = subject.records();
    DoseRecords asked = predictionRequests(records);
    double[][] individual = atRecords(records, solver.observe(model, asked));
    double[] pred = typical == null ? null : atRecords(records, solver.observe(typical, asked))[0];
    return new DatasetPredictions(subject, individual, pred, records.hoursAfterDose());
  }

  /** The records with each EVID 2 record made an observation (same time, same covariates), to be reported. */
  private static DoseRecords predictionRequests(DoseRecords records) {
    List<DoseRecord> out = new ArrayList<>(records.records().size());
    boolean changed = false;
    for (DoseRecord r : records.records()) {
      if (r.kind() == EventKind.OTHER) {
        DoseRecord o = DoseRecord.observation(r.timeHours());
        for (Map.Entry<String, Double> c : r.covariates().entrySet()) {
          o = o.withCovariate(c.getKey(), c.getValue());
        }
        out.add(o);
        changed = true;
      } else {
        out.add(r);
      }
    }
    return changed ? DoseRecords.of(out).withInterpolation(records.interpolation()) : records;
  }

  /** The profile's points spread back onto the records: [analyte][record], NaN where none. */
  private static double[][] atRecords(DoseRecords records, ConcentrationProfile p) {
    List<DoseRecord> rs = records.records();
    int analytes = p.analytes().size();
    double[][] out = new double[analytes][rs.size()];
    int point = 0;
    for (int k = 0; k < rs.size(); k++) {
      EventKind kind = rs.get(k).kind();
      boolean asked = kind == EventKind.OBSERVATION || kind == EventKind.OTHER;
      for (int a = 0; a < analytes; a++) {
        out[a][k] = asked ? p.analyteConcentrationsMgPerL(a)[point] : Double.NaN;
      }
      point += asked ? 1 : 0;
    }
    return out;
  }

  /**
   * The columns a simulated dataset adds, in order: IPRED, IPRED_ of each further analyte, TAD, and PRED
   * when there is a typical model.
   *
   * @param analytes the model's analytes, the primary first
   * @param withPred whether PRED is written
   * @return the column names
   * @throws NullPointerException if {@code analytes} is null
   */
  public static List<String> columns(List<String> analytes, boolean withPred) {
    List<String> out = new ArrayList<>(List.of(IPRED));
    for (int a = 1; a < analytes.size(); a++) {
      out.add(IPRED + "_" + analytes.get(a).toUpperCase(Locale.ROOT));
    }
    out.add(TAD);
    if (withPred) {
      out.add(PRED);
    }
    return out;
  }

  /**
   * The output header: the input's columns unchanged, then {@link #columns}.
   *
   * @param source the input's name, for messages
   * @param header the input's header
   * @param analytes the model's analytes
   * @param withPred whether PRED is written
   * @return the header
   * @throws NullPointerException if an argument is null
   * @throws DatasetException if the input already has a column of that name (in any case)
   */
  public static List<String> header(String source, List<String> header, List<String> analytes, boolean withPred) {
    Checks.notNull(source, "source");
    List<String> added = columns(analytes, withPred);
    for (int i = 0; i < header.size(); i++) {
      for (String a : added) {
        if (a.equalsIgnoreCase(header.get(i).trim())) {
          throw new DatasetException(source, 1, i + 1, "column '" + header.get(i) + "' is one the simulation writes"
              + " (" + String.join(", ", added) + "; expected the input without them: rename or drop it)");
        }
      }
    }
    List<String> out = new ArrayList<>(header);
    out.addAll(added);
    return out;
  }

  /**
   * Returns the subject.
   *
   * @return the subject
   */
  public DatasetSubject subject() {
    return subject;
  }

  /**
   * The individual prediction at a row.
   *
   * @param row index into the subject's rows
   * @param analyte index into the model's analytes
   * @return mg/L, or NaN for a row that has none
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public double individualMgPerL(int row, int analyte) {
    return individual[analyte][subject.recordOf(row)];
  }

  /**
   * The typical (population) prediction of the primary analyte at a row.
   *
   * @param row index into the subject's rows
   * @return mg/L, or NaN for a row that has none or without a typical model
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  public double typicalMgPerL(int row) {
    return typical == null ? Double.NaN : typical[subject.recordOf(row)];
  }

  /**
   * The hours after the last dose at a row.
   *
   * @param row index into the subject's rows
   * @return h, or NaN before the first dose (and after a reset, until the next dose)
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  public double hoursAfterDose(int row) {
    return hoursAfterDose[subject.recordOf(row)];
  }

  /**
   * A row as written: its cells as given, then the added columns at full precision (empty where there
   * is no value).
   *
   * @param row index into the subject's rows
   * @return the cells
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  public List<String> cells(int row) {
    List<String> out = new ArrayList<>(subject.rows().get(row).cells());
    for (int a = 0; a < individual.length; a++) {
      out.add(number(individualMgPerL(row, a)));
    }
    out.add(number(hoursAfterDose(row)));
    if (typical != null) {
      out.add(number(typicalMgPerL(row)));
    }
    return out;
  }

  /**
   * A number as a dataset cell: Java's shortest text that reads back to the same double (so the value is
   * at full precision), empty for NaN (R reads it as NA, NONMEM as a null field).
   *
   * @param v the value
   * @return the cell
   */
  public static String number(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v == 0 ? 0.0 : v);
  }
}
