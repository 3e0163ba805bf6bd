package io.mmf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.model.Presets;
import io.mmf.pk.solve.ExactSolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command's --format json document is valid against its schema in docs/schema/, in each mode. */
class JsonSchemaTest {
  @TempDir
  Path dir;

  private static final Path SCHEMAS = Path.of("../docs/schema").toAbsolutePath().normalize();
  /** The schemas are read from docs/schema/, under a base that is never fetched (.invalid is reserved). */
  private static final String BASE = "https://mmf.invalid/schema/";
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      b -> b.schemas(iri -> {
        Path f = SCHEMAS.resolve(iri.substring(iri.lastIndexOf('/') + 1));
        try {
          return iri.startsWith(BASE) && Files.isRegularFile(f) ? Files.readString(f) : null;
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }));
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Runs a command with --format json, checks it succeeded with one document, validates it, returns it. */
  private static JsonNode valid(String schema, int exit, String... args) throws Exception {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--format";
    all[args.length + 1] = "json";
    CliTest.Run r = CliTest.run(all);
    assertEquals(exit, r.code(), String.join(" ", args) + ": " + r.err());
    Schema s = REGISTRY.getSchema(SchemaLocation.of(BASE + schema));
    List<Error> errors = s.validate(r.out(), InputFormat.JSON);
    assertTrue(errors.isEmpty(), String.join(" ", args) + " against " + schema + ": " + errors + "\n" + r.out());
    return MAPPER.readTree(r.out());
  }

  @Test
  void everyCommandsDocumentMatchesItsSchema() throws Exception {
    valid("conditions.schema.json", 0, "conditions");
    valid("conditions.schema.json", 0, "conditions", "show", "DM");
    valid("schedule.schema.json", 0, "schedule", "--start", "2026-12-01", "--condition", "DM", "--pregnancy",
        "can-become-pregnant");
    valid("population.schema.json", 0, "population", "--dose", "500,1000", "--subjects", "40", "--threads", "1",
        "--condition", "kidney-transplant");
    valid("population.schema.json", 0, "population", "--dose", "1000", "--subjects", "20", "--threads", "1");
    Path levels = Files.writeString(dir.resolve("levels.csv"), "subject,time_h,conc_mg_per_l\na,0,0\na,1,10\na,2,8\n"
        + "a,4,4\na,8,2\na,12,1\n");
    valid("nca.schema.json", 0, "nca", "--input", levels.toString(), "--interval", "0,12");
    valid("nca.schema.json", 0, "nca", "--data", DataCommandsTest.SAMPLE.toString());
    valid("estimate.schema.json", 0, "estimate", "--dose", "1000", "--sample", "1=8", "--sample", "3=4", "--draws",
        "100", "--condition", "kidney-transplant");
    valid("estimate.schema.json", 0, "estimate", "--dose", "1000", "--sample", "1=8", "--sample", "3=4", "--draws",
        "100", "--condition", "pemphigus-vulgaris");
    valid("estimate.schema.json", 1, "estimate", "--data", DataCommandsTest.SAMPLE.toString(), "--draws", "100",
        "--condition", "kidney-transplant");
    // a population model file with a logit-normal parameter: its eta is no factor, and the document says so
    JsonNode file = valid("estimate.schema.json", 0, "estimate", "--model", PopulationModelFileCliTest.EXAMPLE,
        "--dose", "1000", "--sample", "0.33=6.5", "--sample", "1=12.8", "--sample", "3=4.1", "--draws", "100");
    assertEquals("logit-normal", file.get("parameters").get(3).get("distribution").asText());
    valid("population.schema.json", 0, "population", "--model", PopulationModelFileCliTest.EXAMPLE, "--dose", "1000",
        "--subjects", "20", "--threads", "1");
    valid("simulate.schema.json", 0, "simulate", "--data", DataCommandsTest.SAMPLE.toString(), "--model",
        "de-winter-2008", "--output", dir.resolve("s.csv").toString());
    valid("simulate.schema.json", 0, "simulate", "--dose", "1000", "--comed", "omeprazole,some new drug",
        "--dose-range", "500:1500:500");
  }

  @Test
  void checkSaysWhetherMmfMayStartInItsExitStatusAndItsDocument() throws Exception {
    JsonNode may = valid("check.schema.json", 0, "check", "--condition", "DM", "--dose", "1000", "--age", "50");
    assertTrue(may.get("mayStart").asBoolean());
    JsonNode not = valid("check.schema.json", CheckCommand.CONTRAINDICATED, "check", "--condition", "DM", "--dose",
        "1000", "--age", "30", "--pregnancy", "pregnant");
    assertTrue(!not.get("mayStart").asBoolean() && not.get("contraindications").size() > 0);
    assertEquals(CheckCommand.CONTRAINDICATED, CliTest.run("check", "--condition", "DM", "--dose", "1000", "--age",
        "30", "--pregnancy", "pregnant").code(), "the text output has the same exit status");
    String help = CliTest.run("check", "--help").out();
    assertTrue(help.contains("Exit status:") && help.matches("(?s).*\\n +0 +no contraindication found: MMF may start.*")
        && help.matches("(?s).*\\n +3 +a contraindication says do not start.*"), "the help documents both: " + help);
  }

  @Test
  void numbersAreWrittenAtFullPrecisionAndWithoutAValidatedTargetThereIsNoVerdictOrAdvice() throws Exception {
    JsonNode sim = valid("simulate.schema.json", 0, "simulate", "--dose", "1000", "--condition", "kidney-transplant");
    double auc = new ExactSolver().steadyState(Presets.vanHest2005(), Dose.ofMg(1000), Formulation.MMF_TABLET_500,
        DosingInterval.TWICE_DAILY).aucTauMgHPerL();
    assertEquals(auc, sim.at("/steadyState/aucTauMgHPerL").asDouble(), 0, "the solver's double, to the bit");
    assertEquals("WITHIN", sim.at("/verdict/verdict").asText());
    JsonNode pv = valid("simulate.schema.json", 0, "simulate", "--dose", "1000", "--condition", "pemphigus-vulgaris");
    assertTrue(pv.at("/verdict/verdict").isNull());
    assertEquals("NO_VALIDATED_TARGET", pv.at("/advice/kind").asText());
    assertTrue(pv.at("/advice/recommendation").isNull());
  }
}
