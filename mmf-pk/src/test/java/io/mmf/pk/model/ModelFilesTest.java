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

  /**
   * A check of the whole model points at the field it names, not at the file's first line: the transfers
   * (line 5) for a missing elimination or a dose that cannot leave, the observed analytes (line 9).
   */
  @Test
  void wholeModelChecksGiveTheLineOfTheFieldTheyName() throws Exception {
    ModelFileException noExit = fails(valid("  {\"from\": \"depot\", \"to\": \"central\", \"ratePerHour\": 2}"));
    assertEquals(5, noExit.line(), noExit.getMessage());
    assertTrue(noExit.getMessage().startsWith(dir.resolve("model.json") + ":5: Invalid value for transfers"),
        noExit.getMessage());
    ModelFileException stuck = fails(valid("  {\"from\": \"depot\", \"to\": \"central\", \"ratePerHour\": 0},\n"
        + "  {\"from\": \"central\", \"ratePerHour\": 0.4}"));
    assertEquals(5, stuck.line(), stuck.getMessage());
    assertTrue(stuck.getMessage().contains("a way out of the body"), stuck.getMessage());
    ModelFileException unobserved = fails(valid("  {\"from\": \"depot\", \"to\": \"central\", \"ratePerHour\": 2},\n"
        + "  {\"from\": \"central\", \"ratePerHour\": 0.4}").replace("[{\"analyte\": \"MPA\", \"compartment\":"
        + " \"central\", \"volumeL\": 40}]", "[]"));
    assertEquals(9, unobserved.line(), unobserved.getMessage());
    assertTrue(unobserved.getMessage().contains("Invalid value for observed"), unobserved.getMessage());
  }

  @Test
  void syntaxErrorsGiveTheLine() throws Exception {
    ModelFileException e = fails("{\n \"name\": \"m\",\n \"doseUnit\" \"MG_MPA\"\n}");
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("not valid JSON: Unexpected character ('\"' (code 34)): was expecting a colon"),
        e.getMessage());
    assertTrue(e.getMessage().contains("at line 3, column 13"), e.getMessage());
    assertTrue(fails("").getMessage().contains("unexpected end of file"));
    ModelFileException dup = fails("{\"name\": \"a\",\n \"name\": \"b\"}");
    assertEquals(2, dup.line());
    assertTrue(dup.getMessage().contains("Duplicate field 'name'"), dup.getMessage());
  }

  /** RFC 8259 is the grammar: what it does not allow, the reader does not accept. */
  @Test
  void whatJsonDoesNotAllowIsAnError() throws Exception {
    String[] invalid = {
        "{\"name\": \"\\u+041\"}",             // the old parser read "\\u+041" as 'A'
        "{\"name\": \"\\x41\"}",
        "{\"name\": \"a\",}",                    // trailing comma
        "{\"name\": 'a'}",
        "{\"name\": \"a\"} // comment",
        "{\"volumeL\": NaN}",
        "{\"volumeL\": 012}",
        "{\"name\": \"a\tb\"}",                  // raw control character in a string
        "{\"name\": \"a\"} {}",
        "[1, 2"};
    for (String json : invalid) {
      assertTrue(fails(json).getMessage().contains("not valid JSON"), json);
    }
  }

  @Test
  void deepNestingIsALimitNotAStackOverflow() throws Exception {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    ModelFileException e = fails(deep);
    assertTrue(e.getMessage().contains("exceeds a limit of this reader (nesting at most 64 deep"), e.getMessage());
    assertEquals(1, e.line());
    // 64 deep is still JSON; the model reader then says what it expected
    String ok = "[".repeat(64) + "]".repeat(64);
    assertTrue(fails(ok).getMessage().contains("field 'model' must be an object"), fails(ok).getMessage());
    assertTrue(fails("{\"name\": \"" + "x".repeat(200_000) + "\"}").getMessage().contains("exceeds a limit"));
    assertTrue(fails("{\"volumeL\": 1" + "0".repeat(500) + "}").getMessage().contains("exceeds a limit"));
  }

  @Test
  void anOverflowingNumberIsRefusedByTheFieldsRange() throws Exception {
    ModelFileException e = fails(valid("  {\"from\": \"depot\", \"to\": \"central\", \"ratePerHour\": 1e400},\n"
        + "  {\"from\": \"central\", \"ratePerHour\": 0.2}"));
    assertEquals(6, e.line());
    assertTrue(e.getMessage().contains("Invalid value for rate depot -> central"), e.getMessage());
    assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
  }

  @Test
  void aByteOrderMarkIsSkippedAndOtherEncodingsAreErrors() throws Exception {
    Path f = dir.resolve("bom.json");
    byte[] text = Files.readAllBytes(EXAMPLE);
    byte[] bom = new byte[text.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bom, 3, text.length);
    Files.write(f, bom);
    assertEquals(ModelFiles.read(EXAMPLE).transfers(), ModelFiles.read(f).transfers());
    Path latin1 = Files.write(dir.resolve("latin1.json"),
        "{\n \"name\": \"Jos\u00e9\"\n}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.read(latin1));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("Invalid UTF-8"), e.getMessage());
  }

  @Test
  void namesWithControlCharactersAreRefused() throws Exception {
    ModelFileException e = fails(valid("  {\"from\": \"depot\", \"to\": \"central\", \"ratePerHour\": 2},\n"
        + "  {\"from\": \"central\", \"ratePerHour\": 0.2}").replace("\"name\": \"m\"",
        "\"name\": \"m\\u001b]0;pwned\\u0007\""));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("field 'name' must not contain control characters, has U+001B at character 2"),
        e.getMessage());
    assertTrue(fails("{\"name\": \"" + "n".repeat(201) + "\"}").getMessage().contains("at most 200 characters"));
    ModelFileException key = fails("{\"x\\u001b[2J\": 1}");
    assertTrue(key.getMessage().contains("unknown field 'x\\x1b[2J'"), key.getMessage());
  }

  @Test
  void onlyRegularFilesWithinTheSizeLimitAreRead() throws Exception {
    Path zero = Files.createSymbolicLink(dir.resolve("zero.json"), Path.of("/dev/zero"));
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.read(zero));
    assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    assertTrue(assertThrows(ModelFileException.class, () -> ModelFiles.read(dir)).getMessage()
        .contains("it is a directory"));
    Path big = dir.resolve("big.json");
    Files.write(big, new byte[ModelFiles.MAX_BYTES + 1]);
    assertTrue(assertThrows(ModelFileException.class, () -> ModelFiles.read(big)).getMessage()
        .contains("larger than 1024 KiB"));
  }

  @Test
  void missingFileIsReported() {
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFiles.read(dir.resolve("absent.json")));
    assertEquals(0, e.line());
    assertTrue(e.getMessage().contains("cannot read the file"), e.getMessage());
  }

  /** A double gamma into central (the Limoges absorption), written as a file: its laws as expressions. */
  private static String doubleGamma(String laws) {
    return "{\n \"name\": \"double gamma\",\n \"doseUnit\": \"MG_MPA\",\n"
        + " \"parameters\": {\"a1\": {\"unit\": \"\", \"typical\": 6}, \"k1\": {\"unit\": \"1/h\", \"typical\": 3}},\n"
        + " \"compartments\": [\"central\", \"peripheral\"],\n"
        + " \"transfers\": [{\"from\": \"central\", \"ratePerHour\": 0.5},"
        + " {\"from\": \"central\", \"to\": \"peripheral\", \"ratePerHour\": 0.3},"
        + " {\"from\": \"peripheral\", \"to\": \"central\", \"ratePerHour\": 0.05}],\n"
        + " \"observed\": [{\"analyte\": \"MPA\", \"compartment\": \"central\", \"volumeL\": 30}],\n"
        + " \"doses\": {\"any\": {\"compartment\": \"central\", \"lagHours\": 0.25}},\n"
        + laws + "\n}\n";
  }

  @Test
  void gammaLawsReadFromAFileAreTheLawsBuiltInCode() throws Exception {
    Path f = dir.resolve("gamma.json");
    Files.writeString(f, doubleGamma(" \"gammaInput\": [{\"fraction\": 0.4, \"shape\": \"a1\", \"ratePerHour\": \"k1\"},"
        + " {\"fraction\": \"1 - 0.4\", \"shape\": 20.5, \"ratePerHour\": \"2 * k1\"}]"));
    PkModel fromFile = ModelFiles.read(f);
    assertEquals(java.util.List.of(new PkModel.GammaLaw(0.4, 6, 3), new PkModel.GammaLaw(0.6, 20.5, 6)),
        fromFile.gammaInput());
    // the same model from the family: CL/V1 0.5, Q/V1 0.3, Q/V2 0.05 with V1 30 L
    PkModel inCode = ModelFamilies.gammaAbsorption("code", java.util.List.of(new PkModel.GammaLaw(0.4, 6, 3),
        new PkModel.GammaLaw(0.6, 20.5, 6)), 0.25, new ModelFamilies.Disposition(15, 30, 9, 180), DoseUnit.MG_MPA);
    var ss = EXACT.steadyState(fromFile, Dose.ofMg(1000), Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY);
    var ssCode = EXACT.steadyState(inCode, Dose.ofMg(1000), Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY);
    assertEquals(ssCode.aucTauMgHPerL(), ss.aucTauMgHPerL(), 1e-12 * ss.aucTauMgHPerL());
    assertEquals(ssCode.cmaxMgPerL(), ss.cmaxMgPerL(), 1e-12 * ss.cmaxMgPerL());
    // every dose absorbed in full: AUC_tau = mg MPA / CL
    assertEquals(1000 * 320.3 / 433.50 / 15, ss.aucTauMgHPerL(), 1e-9 * ss.aucTauMgHPerL());
  }

  @Test
  void badGammaLawsNameTheirLine() throws Exception {
    ModelFileException shape = fails(doubleGamma(" \"gammaInput\": [{\"shape\": 0, \"ratePerHour\": 3}]"));
    assertTrue(shape.getMessage().contains("model.json:9:") && shape.getMessage().contains("gamma shape"), shape.getMessage());
    ModelFileException sum = fails(doubleGamma(" \"gammaInput\": [{\"fraction\": 0.5, \"shape\": 2, \"ratePerHour\": 3}]"));
    assertTrue(sum.getMessage().contains("fractions"), sum.getMessage());
    ModelFileException none = fails(doubleGamma(" \"gammaInput\": []"));
    assertTrue(none.getMessage().contains("at least one law"), none.getMessage());
    ModelFileException both = fails(doubleGamma(" \"gammaInput\": [{\"shape\": 2, \"ratePerHour\": 3}],\n"
        + " \"savicTransit\": {\"n\": 2.5, \"ktrPerHour\": 4}"));
    assertTrue(both.getMessage().contains("not both"), both.getMessage());
    ModelFileException unknown = fails(doubleGamma(" \"gammaInput\": [{\"shape\": 2, \"rate\": 3}]"));
    assertTrue(unknown.getMessage().contains("rate"), unknown.getMessage());
  }
}
