package io.mmf.pk.data;

import io.mmf.pk.dosing.DoseRecords;
import java.util.List;
import java.util.Optional;

/**
 * One subject of a dataset: its rows in input order and the dose history they make, in the order the
 * records act (the input order, unless times were sorted on request). Immutable.
 */
public final class DatasetSubject {
  private final String id;
  private final List<DatasetRow> rows;
  private final DoseRecords records;
  private final int[] recordOfRow;
  private final double[] eta;

  DatasetSubject(String id, List<DatasetRow> rows, DoseRecords records, int[] recordOfRow, double[] eta) {
    this.id = id;
    this.rows = List.copyOf(rows);
    this.records = records;
    this.recordOfRow = recordOfRow.clone();
    this.eta = eta == null ? null : eta.clone();
  }

  /**
   * Returns the subject's ID as given.
   *
   * @return the ID cell
   */
  public String id() {
    return id;
  }

  /**
   * Returns the rows, in input order.
   *
   * @return the rows, unmodifiable
   */
  public List<DatasetRow> rows() {
    return rows;
  }

  /**
   * Returns the dose history of the rows: one record per row, in the order they act, the dataset's TIME
   * shifted by the clock time of TIME 0 (so that clock emptying windows fall at the right hours).
   *
   * @return the records
   */
  public DoseRecords records() {
    return records;
  }

  /**
   * The record a row became.
   *
   * @param row index into {@link #rows()}
   * @return index into {@code records().records()}
   * @throws IndexOutOfBoundsException if {@code row} is out of range
   */
  public int recordOf(int row) {
    return recordOfRow[row];
  }

  /**
   * Returns the subject's random effects, when the dataset gives them (columns ETA1 to ETAn).
   *
   * @return a copy of eta, or empty
   */
  public Optional<double[]> eta() {
    return eta == null ? Optional.empty() : Optional.of(eta.clone());
  }

  /** Returns e.g. {@code DatasetSubject[ID 3, 12 rows]}. */
  @Override
  public String toString() {
    return "DatasetSubject[ID " + id + ", " + rows.size() + " rows]";
  }
}
