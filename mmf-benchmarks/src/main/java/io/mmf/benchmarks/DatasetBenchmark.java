package io.mmf.benchmarks;

import io.mmf.pk.data.DatasetPredictions;
import io.mmf.pk.data.DatasetReader;
import io.mmf.pk.data.DatasetSubject;
import io.mmf.pk.model.Presets;
import io.mmf.pk.solve.ConcentrationSolver;
import io.mmf.pk.solve.ExactSolver;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A NONMEM-format dataset of {@code subjects} x 30 rows (issue 15) read and simulated row by row, as
 * {@code simulate --data} does: rows are generated on the fly (no file, no list of them), read by
 * {@link DatasetReader} one subject at a time, simulated on van Hest 2005 and written as cells to a
 * {@link Blackhole}. The fork runs in a 64 MB heap: were the dataset held whole (10^4 subjects, 3 x 10^5
 * rows of cells), it would not fit, so a run that ends is the bounded-memory measurement; {@code -prof gc}
 * gives the allocation per subject.
 *
 * <p>Each subject: a steady-state dose (SS 1, II 12), eleven further doses at irregular times with a
 * missed one (an EVID 2 row in its place), and eighteen levels every 30 min after the last dose.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx64m"})
@State(Scope.Benchmark)
public class DatasetBenchmark {
  /** Subjects in the dataset. */
  @Param({"10000"})
  public int subjects;

  private static final List<String> HEADER = List.of("ID", "TIME", "EVID", "AMT", "II", "SS", "DV", "MDV");

  /** Rows of the dataset, made as they are read. */
  static final class Rows implements Iterator<DatasetReader.Row> {
    private final int subjects;
    private int subject;
    private int row;
    private long line = 1;

    Rows(int subjects) {
      this.subjects = subjects;
    }

    @Override
    public boolean hasNext() {
      return subject < subjects;
    }

    @Override
    public DatasetReader.Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      String id = Integer.toString(subject + 1);
      int k = row;
      row++;
      if (row == 30) {
        row = 0;
        subject++;
      }
      line++;
      // rows 0-11 are doses (row 0 at steady state, row 5 missed: its time is taken by an extra level),
      // rows 12-29 levels; times in file order are non-decreasing
      if (k == 0) {
        return new DatasetReader.Row(line, List.of(id, "8", "1", "1000", "12", "1", "", "1"));
      }
      if (k < 12) {
        double t = 8 + 12 * k + (k % 3 - 1) * 0.5;
        return new DatasetReader.Row(line, k == 5 ? List.of(id, num(t), "2", "0", "", "", "", "1")
            : List.of(id, num(t), "1", "1000", "", "", "", "1"));
      }
      int j = k - 12;
      double t = 8 + 12 * 11 + 1 + j * 0.5;
      return new DatasetReader.Row(line, List.of(id, num(t), "0", "0", "", "", num(5 + (j % 7)), "0"));
    }

    private static String num(double v) {
      return Double.toString(v);
    }
  }

  /** The whole dataset, subject by subject, every output cell consumed. */
  @Benchmark
  public long simulateDataset(Blackhole bh) {
    DatasetReader reader = DatasetReader.forModel(Presets.vanHest2005());
    ConcentrationSolver solver = new ExactSolver();
    Iterator<DatasetSubject> it = reader.subjects("generated", HEADER, new Rows(subjects));
    long rows = 0;
    while (it.hasNext()) {
      DatasetSubject s = it.next();
      DatasetPredictions p = DatasetPredictions.of(s, Presets.vanHest2005(), null, solver);
      for (int i = 0; i < s.rows().size(); i++) {
        bh.consume(p.cells(i));
        rows++;
      }
    }
    return rows;
  }
}
