package io.mmf.pk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Patient;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.regimen.RegimenCheck;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.exposure.DoseAdvice;
import io.mmf.pk.exposure.ExposureSummary;
import io.mmf.pk.exposure.Exposures;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Presets;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.pk.solve.ConcentrationSolver;
import io.mmf.pk.solve.ExactSolver;
import io.mmf.pk.solve.SteadyState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's mmf-pk tour, line for line, with the values its comments claim. */
class ReadmePkTourTest {
  @Test
  void tourRunsAsWritten() {
    ConcentrationSolver solver = new ExactSolver();
    PkModel model = Presets.vanHest2005();
    Regimen regimen = Regimen.of(Formulation.MMF_TABLET_500, Dose.ofMg(1000), DosingInterval.TWICE_DAILY);

    SteadyState ss = solver.steadyState(model, regimen.dose(), regimen.formulation(), regimen.interval());
    assertEquals(30.77, ss.aucTauMgHPerL(), 0.005);
    assertEquals(8.59, ss.cmaxMgPerL(), 0.005);
    assertEquals(0.72, ss.tmaxHours(), 0.005);
    assertEquals(1.08, ss.troughMgPerL(), 0.005);

    DosingSchedule doses = DosingSchedule.fromRegimen(regimen, 28).withMissedDose(5).withLateDose(9, 3.5);
    ConcentrationProfile curve = solver.simulate(model, doses, ConcentrationSolver.grid(0.1, 14 * 24));
    assertEquals(3361, curve.size());

    ExposureSummary exposure = Exposures.summarise(solver, model, regimen,
        ConditionCatalog.standard().get("kidney transplant"));
    assertTrue(exposure.verdict().meetsTarget());
    DoseAdvice advice = Exposures.advise(exposure, List.of(Formulation.MMF_CAPSULE_250, Formulation.MMF_TABLET_500),
        RegimenCheck.ceiling(ConditionCatalog.standard().get("kidney transplant"), Patient.ofAgeYears(45),
            regimen.formulation()), List.of());
    assertEquals(DoseAdvice.Kind.NO_CHANGE, advice.kind());
    assertEquals("3 x MMF 500 mg tablet = 1500 mg", advice.recommendation().orElseThrow().dispensed().toString());
    assertEquals(46.2, advice.recommendation().get().predictedAuc12hMgHPerL(), 0.05);
  }
}
