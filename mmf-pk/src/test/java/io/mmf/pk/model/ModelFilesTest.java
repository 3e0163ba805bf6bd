package io.mmf.pk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.solve.ExactSolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
  private static final Path EXAMPLE = Path.of("../docs/models/two-compartment-ehc.json");
  private static final ExactSolver EXACT = new ExactSolver();

  @TempDir
  Path dir;

  @Test
  void exampleFileEqualsTheSameModelBuiltInCode() throws Exception {
    PkModel fromFile = ModelFiles.read(EXAMPLE);
    // The file: CL/V1 = 0.24 + 0.16 (40 % to the gallbladder), V1 40 L, Q/V1 0.55, Q/V2 0.0425, ka 4.1, lag 0.3.
    PkModel inCode = ModelFamilies.enterohepatic("code", 4.1, 0.3,
        new ModelFamilies.Disposition(0.4 * 40, 40, 0.55 * 40, 0.55 * 40 / 0.0425), 0.4, 5,
        EmptyingWindows.afterEachDose(new Window(6, 1)), DoseUnit.MG_MPA);
    DosingSchedule s = DosingSchedule.fromRegimen(io.mmf.core.regimen.Regimen.of(Formulation.MMF_TABLET_500,
        Dose.ofMg(1000), DosingInterval.TWICE_DAILY), 4);
    double[] t = io.mmf.pk.solve.ConcentrationSolver.grid(0.25, 48);
    var a = EXACT.simulate(fromFile, s, t);
    var b = EXACT.simulate(inCode, s, t);
    for (int i = 0; i < t.length; i++) {
      assertEquals(b.concentrationMgPerL(i), a.concentrationMgPerL(i), 1e-12 * Math.max(1, b.concentrationMgPerL(i)));
    }
    // Steady state over a period: MPA dose / non-recirculated clearance = 1000 x 320.3/433.5 / (0.24 x 40).
    var ss = EXACT.steadyState(fromFile, Dose.ofMg(1000), Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY);
    assertEquals(1000 * 320.3 / 433.50 / (0.24 * 40), ss.aucPeriodMgHPerL(), 1e-9);
    assertEquals("MPA", fromFile.observed().get(0).name());
    assertEquals(1.5, fromFile.input(io.mmf.core.drug.Drug.MYCOPHENOLATE_SODIUM).lagHours());
  }

  private ModelFileException fails(String json) throws IOException {
    Path f = dir.resolve("model.json");
    Files.writeString(f, json);
    return assertThrows(ModelFileException.class, () -> ModelFiles.read(f));
  }

  private static String valid(String transfers) {
    return "{\n \"name\": \"m\",\n \"doseUnit\": \"MG_MPA\",\n \"compartments\": [\"depot\", \"central\"],\n"
        + " \"transfers\": [\n" + transfers + "\n ],\n"
        + " \"observed\": [{\"analyte\": \"MPA\", \"compartment\": \"central\", \"volumeL\": 40}],\n"
        + " \"doses\": {\"any\": {\"compartment\": \"depot\"}}\n}\n";
  }

  @Test
  void aValidMinimalFileReads() throws Exception {
    Path f = dir.resolve("ok.json");
    Files.writeString(f, valid("  {\"from\": \"depot\", \"to\": \"central\", \"ratePerHour\": 2},\n"
        + "  {\"from\": \"central\", \"ratePerHour\": 0.4}"));
    assertEquals(2, ModelFiles.read(f).compartments().size());
  }

  @Test
  void negativeRateNamesTheLineAndTheField() throws Exception {
    ModelFileException e = fails(valid("  {\"from\": \"depot\", \"to\": \"central\", \"ratePerHour\": 2},\n"
        + "  {\"from\": \"central\", \"ratePerHour\": -0.4}"));
    assertEquals(7, e.line());
    assertTrue(e.getMessage().contains("model.json:7: Invalid value for rate central -> out"), e.getMessage());
    assertTrue(e.getMessage().contains("-0.4"), e.getMessage());
  }

  @Test
  void unknownFieldIsAnError() throws Exception {
    ModelFileException e = fails(valid("  {\"from\": \"depot\", \"to\": \"central\", \"ratePerHr\": 2}"));
    assertEquals(6, e.line());
    assertTrue(e.getMessage().contains("unknown field 'ratePerHr'"), e.getMessage());
  }

  @Test
  void unknownCompartmentIsNamed() throws Exception {
    ModelFileException e = fails(valid("  {\"from\": \"depot\", \"to\": \"centre\", \"ratePerHour\": 2},\n"
        + "  {\"from\": \"central\", \"ratePerHour\": 0.4}"));
    assertTrue(e.getMessage().contains("centre"), e.getMessage());
    assertTrue(e.getMessage().contains("[depot, central]"), e.getMessage());
  }

  @Test
  void missingFieldAndWrongTypes() throws Exception {
    assertTrue(fails("{\"name\": \"m\"}").getMessage().contains("missing field 'doseUnit'"));
    ModelFileException notNumber = fails(valid("  {\"from\": \"depot\", \"to\": \"central\", \"ratePerHour\": \"2\"}"));
    assertTrue(notNumber.getMessage().contains("field 'ratePerHour' must be a number"), notNumber.getMessage());
    ModelFileException unit = fails(valid("").replace("MG_MPA", "mg"));
    assertTrue(unit.getMessage().contains("field 'doseUnit' must be MG_MPA or MG_MMF"), unit.getMessage());
  }

  @Test
  void noEliminationIsRejected() throws Exception {
    ModelFileException e = fails(valid("  {\"from\": \"depot\", \"to\": \"central\", \"ratePerHour\": 2}"));
    assertTrue(e.getMessage().contains("expected an elimination"), e.getMessage());
  }

  @Test
  void syntaxErrorsGiveTheLine() throws Exception {
    ModelFileException e = fails("{\n \"name\": \"m\",\n \"doseUnit\" \"MG_MPA\"\n}");
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("not valid JSON: expected ':'"), e.getMessage());
    assertTrue(fails("").getMessage().contains("unexpected end of file"));
    assertTrue(fails("{\"name\": \"a\", \"name\": \"b\"}").getMessage().contains("duplicate field 'name'"));
  }

  @Test
  void missingFileIsReported() {
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.read(dir.resolve("absent.json")));
    assertEquals(0, e.line());
    assertTrue(e.getMessage().contains("cannot read the file"), e.getMessage());
  }
}
