package io.mmf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the tool makes of the solvers' outcomes: a failed solve exits 1, a model at fault exits 2. */
class SolverCliTest {
  private static final Path EXAMPLE = Path.of("../docs/models/two-compartment-ehc.json");

  @TempDir
  Path dir;

  private Path withDepotRate(String rate) throws IOException {
    Path file = dir.resolve("model.json");
    Files.writeString(file, Files.readString(EXAMPLE).replace("\"ratePerHour\": 4.1", "\"ratePerHour\": " + rate));
    return file;
  }

  @Test
  void theNumericalPathFinishesTheReadmeExampleAndAgreesWithTheExactOne() {
    // An output time 4e-17 h after a dose arrival kept it from returning in 600 s.
    CliTest.Run numerical = assertTimeoutPreemptively(Duration.ofSeconds(120),
        () -> CliTest.run("simulate", "--model", EXAMPLE.toString(), "--dose", "1000", "--solver", "numerical"));
    CliTest.Run exact = CliTest.run("simulate", "--model", EXAMPLE.toString(), "--dose", "1000");
    assertEquals(0, numerical.code(), numerical.err());
    assertEquals(exact.out().lines().skip(2).limit(4).toList(), numerical.out().lines().skip(2).limit(4).toList());
  }

  @Test
  void extremeRatesAreBadInputOrEndInSecondsNamingTheModel() throws IOException {
    // rates are bounded at construction: Double.MAX_VALUE is bad input, named with file and line
    CliTest.Run huge = CliTest.run("simulate", "--model", withDepotRate("1.7976931348623157E308").toString(),
        "--dose", "1000");
    assertEquals(2, huge.code(), huge.err());
    assertTrue(huge.err().contains("model.json:6: Invalid value for rate depot -> central"), huge.err());
    // the largest accepted rate: a result, or a solver failure (exit 1) naming the model, in seconds either way
    Path file = withDepotRate(Double.toString(io.mmf.pk.model.PkModel.MAX_RATE_PER_HOUR));
    for (String solver : new String[] {"exact", "numerical"}) {
      CliTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(60),
          () -> CliTest.run("simulate", "--model", file.toString(), "--dose", "1000", "--solver", solver));
      assertTrue(r.code() == 0 || (r.code() == 1 && r.err().startsWith("mmf: Solver failed on model 'Two"
          + " compartments with enterohepatic recirculation (example)' at ")), solver + ": " + r.err());
      assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }
  }

  @Test
  void aDepotThatCannotEmptyIsBadInput() throws IOException {
    CliTest.Run r = CliTest.run("simulate", "--model", withDepotRate("0").toString(), "--dose", "1000");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("expected a way out of the body, through positive rates, from every compartment a"
        + " dose reaches): depot"), r.err());
  }
}
