package io.mmf.pk.data;

import io.mmf.core.drug.Drug;
import io.mmf.core.internal.Checks;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.model.PkModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Dose records as NONMEM-format dataset rows, in numbers only (so NONMEM's {@code $INPUT} reads them
 * without DROP): {@code ID, TIME, EVID, AMT, CMT, DRUG, RATE, DUR, II, ADDL, SS, MDV} and one column per
 * covariate. CMT is the receiving compartment's number (1 for the model's first compartment), DRUG is 1
 * for MMF and 2 for EC-MPS; a duration is {@code RATE -2} with {@code DUR} (NONMEM's D1 = DUR, rxode2's
 * dur); observation rows carry MDV 1 (no level is known here), CMT the primary analyte's compartment.
 * What {@link DatasetReader} reads back is the same history.
 */
public final class DatasetWriter {
  private DatasetWriter() {}

  /**
   * The header for a subject's (or several subjects') records.
   *
   * @param covariates the covariate names the records carry
   * @return the column names
   * @throws NullPointerException if {@code covariates} is null
   */
  public static List<String> header(List<String> covariates) {
    List<String> out = new ArrayList<>(List.of("ID", "TIME", "EVID", "AMT", "CMT", "DRUG", "RATE", "DUR", "II",
        "ADDL", "SS", "MDV"));
    out.addAll(covariates);
    return out;
  }

  /**
   * The covariate names a history's records carry, sorted.
   *
   * @param records the history
   * @return the names
   * @throws NullPointerException if {@code records} is null
   */
  public static List<String> covariates(DoseRecords records) {
    TreeSet<String> names = new TreeSet<>();
    for (DoseRecord r : records.records()) {
      names.addAll(r.covariates().keySet());
    }
    return List.copyOf(names);
  }

  /**
   * A subject's records as rows under {@link #header(List)}.
   *
   * @param id the subject's ID
   * @param records the history
   * @param model the model, for the compartments' numbers
   * @param covariates the header's covariate columns
   * @return one row per record
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the model takes no doses of a record's drug
   */
  public static List<List<String>> rows(String id, DoseRecords records, PkModel model, List<String> covariates) {
    Checks.notNull(id, "id");
    Checks.notNull(model, "model");
    Checks.notNull(covariates, "covariates");
    List<List<String>> out = new ArrayList<>();
    String observed = Integer.toString(model.observedStateIndex(0) + 1);
    for (DoseRecord r : records.records()) {
      List<String> row = new ArrayList<>();
      boolean dose = r.kind().isDose();
      row.add(id);
      row.add(DatasetPredictions.number(r.timeHours()));
      row.add(Integer.toString(r.kind().evid()));
      row.add(dose ? DatasetPredictions.number(r.amountMg()) : "0");
      row.add(dose ? Integer.toString(model.inputStateIndex(r.drug()) + 1)
          : r.kind() == io.mmf.pk.dosing.EventKind.OBSERVATION ? observed : "0");
      row.add(dose ? (r.drug() == Drug.MYCOPHENOLATE_MOFETIL ? "1" : "2") : "0");
      row.add(r.rateMgPerHour() > 0 ? DatasetPredictions.number(r.rateMgPerHour()) : r.durationHours() > 0 ? "-2"
          : "0");
      row.add(r.durationHours() > 0 ? DatasetPredictions.number(r.durationHours()) : "0");
      row.add(DatasetPredictions.number(r.intervalHours()));
      row.add(Integer.toString(r.additionalDoses()));
      row.add(Integer.toString(r.steadyState().ss()));
      row.add("1");
      Map<String, Double> c = r.covariates();
      for (String name : covariates) {
        Double v = c.get(name);
        row.add(v == null ? "" : DatasetPredictions.number(v));
      }
      out.add(row);
    }
    return out;
  }
}
