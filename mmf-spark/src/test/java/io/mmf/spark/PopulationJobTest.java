package io.mmf.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.pk.population.Attainment;
import io.mmf.pk.population.AttainmentTable;
import io.mmf.pk.tdm.SimulationEstimation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark job in local mode against mmf's in-process engine. */
class PopulationJobTest {
  private static SparkSession session;
  private static JavaSparkContext spark;

  @TempDir
  Path dir;

  static final Scenario VAN_HEST = new Scenario("vh", Scenario.Kind.POPULATION, "van-hest-2005",
      Map.of("creatinineClearanceMlPerMin", 60.0), "mmf-tablet-500", 12, List.of(750.0, 1000.0), 3000, 11,
      "kidney-transplant", 14, List.of(), 0, false);

  @BeforeAll
  static void start() {
    // up to 3 attempts per task, so a failed task is retried (local mode does not retry otherwise)
    session = SparkSession.builder().appName("mmf-spark test").master("local[2,3]")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    spark = JavaSparkContext.fromSparkContext(session.sparkContext());
  }

  @AfterAll
  static void stop() {
    session.stop();
  }

  @Test
  void anyPartitionCountGivesTheInProcessResultToTheBit() {
    List<Attainment> inProcess = VAN_HEST.population().run();
    for (int partitions : new int[] {1, 2, 7}) {
      assertEquals(inProcess, PopulationJob.attainments(spark, VAN_HEST, partitions), partitions + " partitions");
    }
  }

  @Test
  void aStudyOnSparkIsTheInProcessStudy() {
    Scenario study = new Scenario("map", Scenario.Kind.ESTIMATION, "van-hest-2005", Map.of(), "mmf-tablet-500", 12,
        List.of(1000.0), 48, 5, "", 14, List.of(1.0 / 3, 1.0, 3.0), 0.2, false);
    SimulationEstimation.Summary inProcess = study.estimation().run();
    assertEquals(inProcess, PopulationJob.estimation(spark, study, 3));
    assertEquals(48, inProcess.subjects());
  }

  @Test
  void aFailedTaskIsRetriedWithoutChangingTheResult() {
    PopulationJob.PopulationRunner runner = new PopulationJob.PopulationRunner(VAN_HEST);
    FlatMapFunction<Iterator<Long>, io.mmf.pk.population.PopulationSimulation.PartialResult> flaky = it -> {
      TaskContext t = TaskContext.get();
      if (t.partitionId() == 1 && t.attemptNumber() == 0) {
        throw new IllegalStateException("simulated executor loss");
      }
      return runner.call(it);
    };
    var parts = PopulationJob.chunks(spark, VAN_HEST.population().chunkCount(), 4).mapPartitions(flaky).collect();
    assertEquals(VAN_HEST.population().run(), VAN_HEST.population().attainments(parts));
  }

  @Test
  void theJobPrintsTheSameTableAsTheInProcessRun() throws Exception {
    Path grid = dir.resolve("grid.csv");
    Files.writeString(grid, "scenario,kind,model,doses_mg,subjects,seed,condition,covariates\n"
        + "vh,population,van-hest-2005,750;1000,3000,11,kidney-transplant,creatinineClearanceMlPerMin=60\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = PopulationJob.run(new String[] {"--scenarios", grid.toString(), "--partitions", "3"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    for (Attainment a : VAN_HEST.population().run()) {
      assertTrue(text.contains(AttainmentTable.row(a)), text);
    }
    assertTrue(text.contains(AttainmentTable.header()), text);
  }

  @Test
  void subjectsGoToParquetOneRowPerSubjectAndRegimen() {
    Scenario small = new Scenario("small", Scenario.Kind.POPULATION, "van-hest-2005", Map.of(), "mmf-tablet-500", 12,
        List.of(500.0, 1000.0), 300, 2, "", 14, List.of(), 0, false);
    Path out = dir.resolve("subjects");
    PopulationJob.writeSubjects(session, small, 2, out);
    List<Row> rows = session.read().parquet(out.toString()).collectAsList();
    assertEquals(600, rows.size());
    double mean = rows.stream().filter(r -> r.getDouble(2) == 1000).mapToDouble(r -> r.getDouble(4)).average()
        .orElseThrow();
    assertEquals(small.population().run().get(1).aucSteadyState().mean(), mean, 1e-9 * mean);
  }

  @Test
  void badGridsAreRefusedBeforeAnyJobStarts() throws Exception {
    Path grid = dir.resolve("bad.csv");
    Files.writeString(grid, "scenario,kind,model,doses_mg,subjects,seed\n"
        + "a,population,van-hest-2005,1000,100,1\n"
        + "b,population,sherwin-2012,1000,100,1\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenarios.read(grid));
    assertTrue(e.getMessage().contains("bad.csv:3") && e.getMessage().contains("sherwin-2012"), e.getMessage());
    Files.writeString(grid, "scenario,kind,model,doses_mg,subjects,seed\na,population,van-hest-2005,1000,-5,1\n");
    e = assertThrows(IllegalArgumentException.class, () -> Scenarios.read(grid));
    assertTrue(e.getMessage().contains("bad.csv:2") && e.getMessage().contains("subjects"), e.getMessage());
    Files.writeString(grid, "scenario,kind,model,doses_mg,subjects,seed\na,populations,van-hest-2005,1000,5,1\n");
    e = assertThrows(IllegalArgumentException.class, () -> Scenarios.read(grid));
    assertTrue(e.getMessage().contains("bad.csv:2: kind"), e.getMessage());
    Files.writeString(grid, "scenario,kind,model,dose_mg,subjects,seed\na,population,van-hest-2005,1000,5,1\n");
    e = assertThrows(IllegalArgumentException.class, () -> Scenarios.read(grid));
    assertTrue(e.getMessage().contains("unknown column 'dose_mg'"), e.getMessage());
    Files.writeString(grid, "scenario,kind,model,doses_mg,subjects,seed\na,population,jiao-2008,1000,5,1\n");
    e = assertThrows(IllegalArgumentException.class, () -> Scenarios.read(grid));
    assertTrue(e.getMessage().contains("healthy"), e.getMessage());
    Files.writeString(grid, "scenario,kind,model,doses_mg,subjects,seed\na,population,van-hest-2005,1000,5,1\n"
        + "a,population,van-hest-2005,500,5,1\n");
    e = assertThrows(IllegalArgumentException.class, () -> Scenarios.read(grid));
    assertTrue(e.getMessage().contains("bad.csv:3: scenario: duplicate name 'a'"), e.getMessage());
    // the job: exit 2, the message, nothing run
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = PopulationJob.run(new String[] {"--scenarios", grid.toString()}, new PrintStream(
        new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("duplicate name"));
    assertEquals(2, PopulationJob.run(new String[] {"--scenarios", grid.toString(), "--partitions", "0"},
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())));
    assertFalse(Files.exists(dir.resolve("subjects")));
  }
}
