/**
 * NONMEM-format datasets in and out: the event-record CSV that NONMEM, mrgsolve, rxode2, Pumas,
 * mapbayr and posologyr read, turned into mmf's {@link io.mmf.pk.dosing.DoseRecords} per subject and
 * back.
 *
 * <p>{@link io.mmf.pk.data.DatasetReader} takes a header and rows of cells (the caller reads the CSV
 * text itself; mmf-cli does it with Commons CSV) and gives one {@link io.mmf.pk.data.DatasetSubject}
 * at a time, streaming: memory holds one subject's rows, not the file. Every error is a
 * {@link io.mmf.pk.data.DatasetException} that names the source, the line and the column.
 * {@link io.mmf.pk.data.DatasetPredictions} simulates a subject and gives the output columns (IPRED
 * per analyte, TAD, PRED); {@link io.mmf.pk.data.DatasetWriter} writes dose records as dataset rows.
 *
 * <p>The conventions are NONMEM's help text (EVID, AMT, RATE, II, ADDL, SS, MDV), with the extensions
 * other engines write (DUR as rxode2, CENS/LIMIT as rxode2, BLQ/LLOQ as ADPPK); what mmf does not
 * implement is refused, naming the row, rather than read in some other sense.
 *
 * @see <a href="https://nonmem.iconplc.com/nonmem/Nonmem_7_Project/nmvi2.0beta/htmlplus/evid.htm">NONMEM help: EVID</a>
 * @see <a href="https://nmhelp.tingjieguo.com/ss.html">NONMEM help: SS</a>
 */
package io.mmf.pk.data;
