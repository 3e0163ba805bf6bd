package io.mmf.pk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Regimen;
import io.mmf.core.safety.CoMedication;
import io.mmf.pk.solve.ExactSolver;
import io.mmf.pk.solve.SteadyState;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InteractionsTest {
  private static final ExactSolver EXACT = new ExactSolver();
  private static final Dose ONE_GRAM = Dose.ofMg(1000);

  private static double auc(PkModel m, Formulation f, Dose d) {
    SteadyState ss = EXACT.steadyState(m, d, f, DosingInterval.TWICE_DAILY);
    return ss.aucPeriodMgHPerL();
  }

  @Test
  void antacidAndPpiScaleMmfExposureExactly() {
    PkModel vh = Presets.vanHest2005();
    double base = auc(vh, Formulation.MMF_TABLET_500, ONE_GRAM);
    Interactions.Applied antacid = Interactions.apply(vh, Set.of(CoMedication.ANTACID_MG_AL), Formulation.MMF_TABLET_500);
    assertEquals(0.83 * base, auc(antacid.model(), Formulation.MMF_TABLET_500, ONE_GRAM), 1e-9 * base);
    Interactions.Applied ppi = Interactions.apply(vh, Set.of(CoMedication.PROTON_PUMP_INHIBITOR),
        Formulation.MMF_TABLET_500, 0.25);
    assertEquals(0.75 * base, auc(ppi.model(), Formulation.MMF_TABLET_500, ONE_GRAM), 1e-9 * base);
    assertEquals(1, ppi.applied().size());
    assertThrows(IllegalArgumentException.class, () -> Interactions.apply(vh, Set.of(), Formulation.MMF_TABLET_500, 0.5));
    // the studies' range: 23 % (omeprazole) to 37 % (pantoprazole), both ends accepted
    Interactions.apply(vh, Set.of(), Formulation.MMF_TABLET_500, 0.23);
    Interactions.apply(vh, Set.of(), Formulation.MMF_TABLET_500, 0.37);
    assertThrows(IllegalArgumentException.class, () -> Interactions.apply(vh, Set.of(), Formulation.MMF_TABLET_500, 0.229));
    assertThrows(IllegalArgumentException.class, () -> Interactions.apply(vh, Set.of(), Formulation.MMF_TABLET_500, 0.371));
  }

  @Test
  void ppiLeavesEcMpsAlone() {
    PkModel dw = Presets.deWinter2008();
    Interactions.Applied r = Interactions.apply(dw, Set.of(CoMedication.PROTON_PUMP_INHIBITOR),
        Formulation.EC_MPS_TABLET_360);
    assertEquals(auc(dw, Formulation.EC_MPS_TABLET_360, Dose.ofMg(720)),
        auc(r.model(), Formulation.EC_MPS_TABLET_360, Dose.ofMg(720)), 1e-12);
    assertTrue(r.notModelled().get(0).contains("no effect on EC-MPS"));
  }

  @Test
  void bileAcidSequestrantRemovesRecirculation() {
    // Jiao 2008 without recirculation: MPA's only input is the dose, so AUC over a period is D / CL exactly.
    PkModel jiao = Presets.jiao2008(65.5);
    Interactions.Applied r = Interactions.apply(jiao, List.of(CoMedication.BILE_ACID_SEQUESTRANT),
        Formulation.MMF_TABLET_500);
    double without = auc(r.model(), Formulation.MMF_TABLET_500, ONE_GRAM);
    assertEquals(1000 / 10.2, without, 1e-9 * without);
    assertTrue(auc(jiao, Formulation.MMF_TABLET_500, ONE_GRAM) > without * 1.05, "recirculation adds exposure");
    assertTrue(Interactions.apply(Presets.vanHest2005(), List.of(CoMedication.BILE_ACID_SEQUESTRANT),
        Formulation.MMF_TABLET_500).notModelled().get(0).contains("lacks"));
  }

  @Test
  void cyclosporineNearlyAbolishesRecirculation() {
    PkModel jiao = Presets.jiao2008(65.5);
    double with = auc(jiao, Formulation.MMF_TABLET_500, ONE_GRAM);
    double none = 1000 / 10.2;
    Interactions.Applied csa = Interactions.apply(jiao, List.of(CoMedication.CYCLOSPORINE), Formulation.MMF_TABLET_500);
    double blocked = auc(csa.model(), Formulation.MMF_TABLET_500, ONE_GRAM);
    assertTrue(blocked < with && blocked > none, blocked + " between " + none + " and " + with);
    assertEquals(none, blocked, 0.01 * none);
    assertEquals(Interactions.DE_WINTER_2009, csa.applied().get(0).source());
    assertTrue(Interactions.apply(Presets.vanHest2005(), List.of(CoMedication.CYCLOSPORINE),
        Formulation.MMF_TABLET_500).notModelled().get(0).contains("covariate"));
  }

  @Test
  void unquantifiedInteractionsAreReportedNotIgnored() {
    Interactions.Applied r = Interactions.apply(Presets.vanHest2005(), List.of(CoMedication.RIFAMPIN),
        Formulation.MMF_TABLET_500);
    assertTrue(r.applied().isEmpty());
    assertTrue(r.notModelled().get(0).startsWith("RIFAMPIN: not modelled"), r.notModelled().toString());
  }

  @Test
  void antacidOnEcMpsUsesTheMyforticFigureAndBothCarryTheirManagement() {
    PkModel dw = Presets.deWinter2008();
    Regimen ec = Regimen.of(Formulation.EC_MPS_TABLET_360, Dose.ofMg(720), DosingInterval.TWICE_DAILY);
    Interactions.Applied a = Interactions.apply(dw, List.of(CoMedication.ANTACID_MG_AL), ec.formulation());
    double with = new ExactSolver().steadyState(a.model(), ec.dose(), ec.formulation(), ec.interval()).aucTauMgHPerL();
    double without = new ExactSolver().steadyState(dw, ec.dose(), ec.formulation(), ec.interval()).aucTauMgHPerL();
    assertEquals(0.63, with / without, 1e-9, "Myfortic PI: MPA exposure 37 % lower");
    assertTrue(a.applied().get(0).manageable());
    assertTrue(Interactions.apply(Presets.vanHest2005(), List.of(CoMedication.ANTACID_MG_AL),
        Formulation.MMF_TABLET_500).applied().get(0).management().contains("separate"));
    assertFalse(Interactions.apply(Presets.jiao2008(65.5), List.of(CoMedication.CYCLOSPORINE),
        Formulation.MMF_TABLET_500).applied().get(0).manageable(), "ciclosporin is part of the regimen");
  }
}
