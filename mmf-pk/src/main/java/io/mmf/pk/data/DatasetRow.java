package io.mmf.pk.data;

import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.pk.dosing.EventKind;
import java.util.List;
import java.util.Optional;

/**
 * One row of a dataset as read: its line, its cells exactly as given (for writing it back unchanged),
 * and what it means: the event kind, the time and, for an observation, the measured level or the
 * limit it lies below. Immutable.
 */
public final class DatasetRow {
  private final long line;
  private final List<String> cells;
  private final EventKind kind;
  private final double timeHours;
  private final int analyte;
  private final double dvMgPerL;
  private final boolean missingDv;
  private final boolean belowLimit;
  private final double limitMgPerL;
  private final Drug drug;
  private final Formulation formulation;

  DatasetRow(long line, List<String> cells, EventKind kind, double timeHours, int analyte, double dvMgPerL,
      boolean missingDv, boolean belowLimit, double limitMgPerL, Drug drug, Formulation formulation) {
    this.line = line;
    this.cells = List.copyOf(cells);
    this.kind = kind;
    this.timeHours = timeHours;
    this.analyte = analyte;
    this.dvMgPerL = dvMgPerL;
    this.missingDv = missingDv;
    this.belowLimit = belowLimit;
    this.limitMgPerL = limitMgPerL;
    this.drug = drug;
    this.formulation = formulation;
  }

  /**
   * Returns the line the row starts on.
   *
   * @return 1-based line (the header is line 1)
   */
  public long line() {
    return line;
  }

  /**
   * Returns the cells as given, one per header column (a short row is padded with empty cells).
   *
   * @return the cells, unmodifiable
   */
  public List<String> cells() {
    return cells;
  }

  /**
   * Returns what the row does (EVID, given or inferred as NONMEM does from AMT and MDV).
   *
   * @return the kind
   */
  public EventKind kind() {
    return kind;
  }

  /**
   * Returns the row's TIME as given.
   *
   * @return h after the dataset's time 0
   */
  public double timeHours() {
    return timeHours;
  }

  /**
   * Returns which analyte an observation row measures.
   *
   * @return index into the model's observed analytes (0, the primary, unless CMT names another's
   *     compartment)
   */
  public int analyte() {
    return analyte;
  }

  /**
   * Whether this row is an observation with a level to fit or analyse: EVID 0, MDV 0, and a measured
   * DV or a below-quantification flag.
   *
   * @return true for a usable level
   */
  public boolean hasLevel() {
    return kind == EventKind.OBSERVATION && !missingDv && (belowLimit || !Double.isNaN(dvMgPerL));
  }

  /**
   * Returns the measured level of an observation row.
   *
   * @return DV, mg/L; NaN when the row has none (not an observation, MDV 1, an empty cell, or below the
   *     limit)
   */
  public double dvMgPerL() {
    return dvMgPerL;
  }

  /**
   * Whether the level was reported below the limit of quantification (BLQ 1, CENS 1, a DV of
   * {@code <LIMIT}, or a DV below LLOQ where no flag column is given).
   *
   * @return true if below the limit
   */
  public boolean belowLimit() {
    return belowLimit;
  }

  /**
   * Returns the limit of quantification of a level below it.
   *
   * @return mg/L, &gt; 0; NaN unless {@link #belowLimit()}
   */
  public double limitMgPerL() {
    return limitMgPerL;
  }

  /**
   * Returns the drug a dose row gives.
   *
   * @return the drug, or empty for a row that gives no dose
   */
  public Optional<Drug> drug() {
    return Optional.ofNullable(drug);
  }

  /**
   * Returns the formulation a dose row names in its DRUG cell, if it names one rather than a drug.
   *
   * @return the formulation, or empty
   */
  public Optional<Formulation> formulation() {
    return Optional.ofNullable(formulation);
  }

  /** Returns e.g. {@code DatasetRow[line 3, EVID 1, TIME 12.0]}. */
  @Override
  public String toString() {
    return "DatasetRow[line " + line + ", EVID " + kind.evid() + ", TIME " + timeHours + "]";
  }
}
