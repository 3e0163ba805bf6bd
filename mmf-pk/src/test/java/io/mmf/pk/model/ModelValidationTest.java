package io.mmf.pk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Drug;
import io.mmf.pk.model.ModelFamilies.Disposition;
import org.junit.jupiter.api.Test;

class ModelValidationTest {
  private static final Disposition D = new Disposition(16, 40, 22, 518);

  private static void rejects(String expectedStart, org.junit.jupiter.api.function.Executable e) {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
    assertTrue(ex.getMessage().startsWith(expectedStart), ex.getMessage());
  }

  @Test
  void negativeOrNonFiniteParametersAreRejectedByName() {
    rejects("Invalid value for clLPerH (expected finite and > 0): -16.0", () -> new Disposition(-16, 40, 22, 518));
    rejects("Invalid value for v1L (expected finite and > 0): NaN", () -> new Disposition(16, Double.NaN, 22, 518));
    rejects("Invalid value for qLPerH", () -> new Disposition(16, 40, Double.POSITIVE_INFINITY, 518));
    rejects("Invalid value for kaPerHour (expected finite and > 0): 0.0",
        () -> ModelFamilies.firstOrder("m", 0, 0, D, DoseUnit.MG_MPA));
    rejects("Invalid value for lagHours (expected 0 to 168.0 h): -0.1",
        () -> ModelFamilies.firstOrder("m", 1, -0.1, D, DoseUnit.MG_MPA));
    rejects("Invalid value for fEhc (expected in [0, 1)): 1.0", () -> ModelFamilies.enterohepatic("m", 1, 0, D, 1.0, 5,
        EmptyingWindows.afterEachDose(new Window(6, 1)), DoseUnit.MG_MPA));
    rejects("Invalid value for n (expected 1 to 50 transit compartments): 0",
        () -> ModelFamilies.transit("m", 0, 1, 1, D, DoseUnit.MG_MPA));
    rejects("Invalid value for window.durationHours (expected 0.001 to 168.0 h): 0.0", () -> new Window(1, 0));
    rejects("Invalid value for window.durationHours (expected 0.001 to 168.0 h): 9.0E-4", () -> new Window(1, 9e-4));
    rejects("Invalid value for bioavailability (expected in (0, 1]): 1.2", () -> DoseInput.bolus("depot", 1.2, 0));
    rejects("Invalid value for transit n", () -> new PkModel.SavicTransit(-1, 1));
    rejects("Invalid value for window (expected a clock window inside 0-24 h)",
        () -> EmptyingWindows.atClockTimes(new Window(23, 2)));
  }

  /** Ranges that keep every solve finite and bounded (issue 16: a ka of Double.MAX_VALUE never returned). */
  @Test
  void ratesCompartmentsVolumesAndTimesHaveUpperBounds() {
    double max = PkModel.MAX_RATE_PER_HOUR;
    assertEquals(max, ModelFamilies.firstOrder("m", max, 0, D, DoseUnit.MG_MPA).transfers().get(0).ratePerHour());
    rejects("Invalid value for rate depot -> central (expected finite, >= 0 and <= 10000.0 per hour): 1.7976931348623157E308",
        () -> ModelFamilies.firstOrder("m", Double.MAX_VALUE, 0, D, DoseUnit.MG_MPA));
    rejects("Invalid value for rate depot -> central", () -> ModelFamilies.firstOrder("m", Math.nextUp(max), 0, D,
        DoseUnit.MG_MPA));
    rejects("Invalid value for rate a -> out", () -> PkModel.builder("m").compartments("a").elimination("a", Double.NaN));
    assertEquals(PkModel.MAX_SAVIC_N, new PkModel.SavicTransit(PkModel.MAX_SAVIC_N, max).n());
    rejects("Invalid value for ktrPerHour (expected > 0 and <= 10000.0 per hour): 1.0E308",
        () -> new PkModel.SavicTransit(8.2, 1e308));
    rejects("Invalid value for transit n (expected 0 to 100.0): 100.5", () -> new PkModel.SavicTransit(100.5, 1));
    String[] names = new String[PkModel.MAX_COMPARTMENTS];
    for (int i = 0; i < names.length; i++) {
      names[i] = "c" + i;
    }
    PkModel.Builder full = PkModel.builder("m").compartments(names);
    rejects("Invalid value for compartments (expected at most 64): 65", () -> full.compartments("one more"));
    rejects("Invalid value for compartments (expected at most 64): 3000", () -> PkModel.builder("m")
        .compartments(new String[3000]));
    new PkModel.Observed("MPA", "c", PkModel.MIN_VOLUME_L);
    new PkModel.Observed("MPA", "c", PkModel.MAX_VOLUME_L);
    rejects("Invalid value for volume of MPA (expected 1.0E-6 to 1000000.0 L): 1.0E-7",
        () -> new PkModel.Observed("MPA", "c", 1e-7));
    rejects("Invalid value for volume of MPA", () -> new PkModel.Observed("MPA", "c", Double.POSITIVE_INFINITY));
    assertEquals(168, new DoseInput("a", 1, DoseInput.MAX_HOURS, DoseInput.MAX_HOURS).lagHours());
    rejects("Invalid value for lagHours (expected 0 to 168.0 h): 1.0E308", () -> DoseInput.bolus("a", 1, 1e308));
    rejects("Invalid value for zeroOrderHours (expected 0 to 168.0 h): 169.0", () -> new DoseInput("a", 1, 0, 169));
    assertEquals(336, new Window(Window.MAX_HOURS, Window.MAX_HOURS).endHours());
    rejects("Invalid value for window.startHours (expected 0 to 168.0 h): 1.0E308", () -> new Window(1e308, 1));
  }

  @Test
  void everyFamilyValidatesItsRatesAndDurations() {
    EmptyingWindows w = EmptyingWindows.afterEachDose(new Window(6, 1));
    rejects("Invalid value for durationHours (expected finite and > 0): 0.0",
        () -> ModelFamilies.zeroOrder("m", 0, 0, D, DoseUnit.MG_MPA));
    rejects("Invalid value for ktrPerHour (expected finite and > 0): 0.0",
        () -> ModelFamilies.transit("m", 3, 0, 1, D, DoseUnit.MG_MPA));
    rejects("Invalid value for kaPerHour (expected finite and > 0): -1.0",
        () -> ModelFamilies.transit("m", 3, 1, -1, D, DoseUnit.MG_MPA));
    rejects("Invalid value for n (expected 1 to 50 transit compartments): 51",
        () -> ModelFamilies.transit("m", 51, 1, 1, D, DoseUnit.MG_MPA));
    assertEquals(50 + 3, ModelFamilies.transit("m", 50, 1, 1, D, DoseUnit.MG_MPA).compartments().size());
    assertEquals(1 + 3, ModelFamilies.transit("m", 1, 1, 1, D, DoseUnit.MG_MPA).compartments().size());
    rejects("Invalid value for kaPerHour (expected finite and > 0): 0.0",
        () -> ModelFamilies.enterohepatic("m", 0, 0, D, 0.3, 5, w, DoseUnit.MG_MPA));
    rejects("Invalid value for kGbPerHour (expected finite and > 0): 0.0",
        () -> ModelFamilies.enterohepatic("m", 1, 0, D, 0.3, 0, w, DoseUnit.MG_MPA));
    rejects("Invalid value for qLPerH (expected finite and >= 0): -1.0", () -> new Disposition(16, 40, -1, 518));
    rejects("Invalid value for v2L (expected finite and > 0): 0.0", () -> new Disposition(16, 40, 22, 0));
  }

  @Test
  void copiesValidateTheirFactorsAndKeepTheName() {
    PkModel m = ModelFamilies.firstOrder("first", 2, 0, D, DoseUnit.MG_MPA);
    assertEquals("first", m.name());
    assertEquals("PkModel[first, [depot, central, peripheral]]", m.toString());
    assertEquals(0, m.inputStateIndex(Drug.MYCOPHENOLATE_MOFETIL));
    assertEquals(1.0, m.withBioavailabilityFactor(Drug.MYCOPHENOLATE_MOFETIL, 1).input(Drug.MYCOPHENOLATE_MOFETIL)
        .bioavailability());
    rejects("Invalid value for factor (expected in (0, 1]): 0.0",
        () -> m.withBioavailabilityFactor(Drug.MYCOPHENOLATE_MOFETIL, 0));
    rejects("Invalid value for factor (expected in (0, 1]): " + Math.nextUp(1.0),
        () -> m.withBioavailabilityFactor(Drug.MYCOPHENOLATE_MOFETIL, Math.nextUp(1.0)));
    assertEquals(0.0, m.withTransferScaled("central", "peripheral", 0).transfers().stream()
        .filter(t -> t.to().orElse("").equals("peripheral")).findFirst().orElseThrow().ratePerHour());
    rejects("Invalid value for factor (expected finite and >= 0): -1.0E-300",
        () -> m.withTransferScaled("central", "peripheral", -1e-300));
    PkModel central = PkModel.builder("c").compartments("x", "central").elimination("central", 1)
        .transfer("x", "central", 1).observe("MPA", "central", 1).doseAny(DoseInput.bolus("central", 1, 0)).build();
    assertEquals(1, central.inputStateIndex(Drug.MYCOPHENOLATE_SODIUM));
  }

  @Test
  void structuralErrorsAreNamed() {
    rejects("Invalid value for transfer.to (expected one of [a, b]): c", () -> PkModel.builder("m").compartments("a", "b")
        .transfer("a", "c", 1).elimination("b", 1).observe("MPA", "b", 1).doseAny(DoseInput.bolus("a", 1, 0)).build());
    rejects("Invalid value for transfers (expected an elimination from the body", () -> PkModel.builder("m")
        .compartments("a", "b").transfer("a", "b", 1).observe("MPA", "b", 1).doseAny(DoseInput.bolus("a", 1, 0))
        .build());
    rejects("Invalid value for emptying windows", () -> PkModel.builder("m").compartments("a", "b")
        .transfer("a", "b", 1).windowedTransfer("b", "a", 1).elimination("b", 1).observe("MPA", "b", 1)
        .doseAny(DoseInput.bolus("a", 1, 0)).build());
    rejects("Invalid value for compartment (expected a new name): a", () -> PkModel.builder("m").compartments("a", "a"));
    rejects("Invalid value for observed (expected at least one analyte)", () -> PkModel.builder("m").compartments("a")
        .elimination("a", 1).doseAny(DoseInput.bolus("a", 1, 0)).build());
  }

  @Test
  void aDrugTheModelDoesNotTakeIsRejected() {
    PkModel mmfOnly = PkModel.builder("m").compartments("a").elimination("a", 1).observe("MPA", "a", 1)
        .dose(Drug.MYCOPHENOLATE_MOFETIL, DoseInput.bolus("a", 1, 0)).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> mmfOnly.input(Drug.MYCOPHENOLATE_SODIUM));
    assertTrue(e.getMessage().contains("MYCOPHENOLATE_SODIUM"), e.getMessage());
  }

  @Test
  void rateMatrixIsACopyAndConservesMass() {
    PkModel m = ModelFamilies.enterohepatic("m", 2, 0, D, 0.4, 5, EmptyingWindows.afterEachDose(new Window(6, 1)),
        DoseUnit.MG_MPA);
    double[] a = m.rateMatrix(true);
    a[0] = 99;
    int n = m.compartments().size();
    double[] fresh = m.rateMatrix(true);
    // Column sums are minus the elimination from each compartment: only central loses mass, at (1 - 0.4) CL/V1.
    for (int j = 0; j < n; j++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += fresh[i * n + j];
      }
      double expected = m.compartments().get(j).equals("central") ? -(0.6 * 16 / 40) : 0;
      assertEquals(expected, sum, 1e-15, m.compartments().get(j));
    }
  }
}
