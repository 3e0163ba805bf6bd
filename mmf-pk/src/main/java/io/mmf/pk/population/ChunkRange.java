package io.mmf.pk.population;

import io.mmf.core.internal.Checks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A partial result of a chunked Monte Carlo run ({@link PopulationSimulation},
 * {@code io.mmf.pk.tdm.SimulationEstimation}): the contiguous range of chunks it covers.
 */
public interface ChunkRange {
  /**
   * Returns the first chunk covered.
   *
   * @return the first chunk
   */
  long fromChunk();

  /**
   * Returns one past the last chunk covered.
   *
   * @return the end chunk, exclusive
   */
  long toChunk();

  /**
   * Puts partial results in chunk order and checks that they cover every chunk exactly once.
   *
   * @param <T> the partial result's type
   * @param parts the partial results, any order
   * @param chunkCount the run's number of chunks
   * @return the results in chunk order
   * @throws NullPointerException if the list or an element is null
   * @throws IllegalArgumentException if a chunk is missing or covered twice
   */
  static <T extends ChunkRange> List<T> inOrder(List<T> parts, long chunkCount) {
    Checks.notNull(parts, "partials");
    List<T> sorted = new ArrayList<>(parts);
    sorted.sort(Comparator.comparingLong(ChunkRange::fromChunk));
    long next = 0;
    for (T p : sorted) {
      if (p.fromChunk() != next) {
        throw new IllegalArgumentException(Checks.invalid("partials", "chunks 0 to " + chunkCount + " each once",
            "chunk " + next + " expected, got chunks " + p.fromChunk() + "-" + p.toChunk()));
      }
      next = p.toChunk();
    }
    if (next != chunkCount) {
      throw new IllegalArgumentException(Checks.invalid("partials", "chunks up to " + chunkCount, "they end at " + next));
    }
    return sorted;
  }

  /**
   * Checks a range of chunks to run.
   *
   * @param fromChunk first chunk
   * @param toChunk one past the last
   * @param chunkCount the run's number of chunks
   * @throws IllegalArgumentException unless 0 &lt;= from &lt; to &lt;= chunkCount
   */
  static void check(long fromChunk, long toChunk, long chunkCount) {
    if (fromChunk < 0 || toChunk <= fromChunk || toChunk > chunkCount) {
      throw new IllegalArgumentException(Checks.invalid("chunks", "0 <= from < to <= " + chunkCount,
          fromChunk + " to " + toChunk));
    }
  }
}
