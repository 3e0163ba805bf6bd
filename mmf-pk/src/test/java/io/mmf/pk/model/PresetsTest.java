package io.mmf.pk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.dosing.DoseEvent;
import io.mmf.pk.dosing.DosingSchedule;
import io.mmf.pk.solve.ConcentrationProfile;
import io.mmf.pk.solve.ExactSolver;
import io.mmf.pk.solve.NumericalSolver;
import io.mmf.pk.solve.SteadyState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each preset against the figure the literature notes give for it (shared/reference/mpa-literature.md). */
class PresetsTest {
  private static final ExactSolver EXACT = new ExactSolver();
  private static final NumericalSolver NUMERICAL = new NumericalSolver();
  private static final Dose ONE_GRAM = Dose.ofMg(1000);

  @Test
  void vanHest2005SteadyStateAucAtOneGramTwiceDaily() {
    // mpa-literature.md 2.1: AUC0-12,ss at 1 g BID, reference covariates = 1000 / 32.5 = 30.8 mg*h/L.
    SteadyState ss = EXACT.steadyState(Presets.vanHest2005(), ONE_GRAM, Formulation.MMF_TABLET_500,
        DosingInterval.TWICE_DAILY);
    assertEquals(30.8, ss.aucTauMgHPerL(), 0.05);
    assertEquals(1000 / 32.5, ss.aucTauMgHPerL(), 1e-9);
    SteadyState num = NUMERICAL.steadyState(Presets.vanHest2005(), ONE_GRAM, Formulation.MMF_TABLET_500,
        DosingInterval.TWICE_DAILY);
    assertEquals(ss.aucTauMgHPerL(), num.aucTauMgHPerL(), 1e-6 * ss.aucTauMgHPerL());
  }

  @Test
  void vanHest2005CovariatesMoveClearanceAsPublished() {
    // CL = 32.5 x (CLcr/48)^-0.12 x (ALB/30)^-1.07 x (CsA/450)^0.31 x 1.11 (female), computed here by hand.
    Presets.VanHestCovariates c = new Presets.VanHestCovariates(24, 40, 300, true);
    double cl = 32.5 * Math.pow(0.5, -0.12) * Math.pow(40.0 / 30, -1.07) * Math.pow(300.0 / 450, 0.31) * 1.11;
    SteadyState ss = EXACT.steadyState(Presets.vanHest2005(c), ONE_GRAM, Formulation.MMF_TABLET_500,
        DosingInterval.TWICE_DAILY);
    assertEquals(1000 / cl, ss.aucTauMgHPerL(), 1e-9 * ss.aucTauMgHPerL());
    assertThrows(IllegalArgumentException.class, () -> new Presets.VanHestCovariates(48, 30, 0, false));
  }

  @Test
  void modelsFittedOnMmfRejectEcMps() {
    for (PkModel m : List.of(Presets.vanHest2005(), Presets.sherwin2012(), Presets.jiao2008(65.5))) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NUMERICAL.steadyState(m,
          Dose.ofMg(720), Formulation.EC_MPS_TABLET_360, DosingInterval.TWICE_DAILY));
      assertTrue(e.getMessage().contains("MYCOPHENOLATE_SODIUM"), e.getMessage());
    }
  }

  @Test
  void mealTimesReplaceThePapersWindowsAndBothPathsAgree() {
    PkModel clock = Presets.jiao2008(65.5).withEmptyingWindows(
        EmptyingWindows.atClockTimes(new Window(7, 1), new Window(12.5, 1), new Window(19, 1)));
    assertEquals(EmptyingWindows.Anchor.CLOCK, clock.emptyingWindows().orElseThrow().anchor());
    SteadyState exact = EXACT.steadyState(clock, ONE_GRAM, Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY, 8);
    SteadyState num = NUMERICAL.steadyState(clock, ONE_GRAM, Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY, 8);
    assertEquals(24, exact.periodHours());
    for (int j = 0; j < 2; j++) {
      double a = exact.aucPerIntervalMgHPerL().get(j);
      assertEquals(a, num.aucPerIntervalMgHPerL().get(j), 1e-6 * a);
    }
    assertThrows(IllegalArgumentException.class, () -> Presets.vanHest2005().withEmptyingWindows(
        EmptyingWindows.atClockTimes(new Window(7, 1))));
  }

  @Test
  void deWinter2008MmfAndEcMpsSteadyState() {
    // mpa-literature.md 2.4 (NephroTDM): MMF 1 g BID -> 739/16 = 46.2; EC-MPS 720 mg BID -> 674/16 = 42.1 mg*h/L.
    PkModel m = Presets.deWinter2008();
    SteadyState mmf = EXACT.steadyState(m, ONE_GRAM, Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY);
    SteadyState ec = EXACT.steadyState(m, Dose.ofMg(720), Formulation.EC_MPS_TABLET_360, DosingInterval.TWICE_DAILY);
    assertEquals(46.2, mmf.aucTauMgHPerL(), 0.05);
    assertEquals(42.1, ec.aucTauMgHPerL(), 0.05);
    assertTrue(ec.tmaxHours() > mmf.tmaxHours(), "EC-MPS absorbs later than MMF");
    SteadyState ecNum = NUMERICAL.steadyState(m, Dose.ofMg(720), Formulation.EC_MPS_TABLET_360,
        DosingInterval.TWICE_DAILY);
    assertEquals(ec.aucTauMgHPerL(), ecNum.aucTauMgHPerL(), 1e-6 * ec.aucTauMgHPerL());
  }

  @Test
  void sherwin2012SteadyStateNearThePublishedReimplementation() {
    // mpa-literature.md 2.7: nlmixr2lib vignette simulation, 1 g MMF BID, typical steady-state MPA AUC0-12 36.2
    // mg*h/L (Cmax 11.1 mg/L at 1.75 h), with an assumed gallbladder emptying rate of 5 /h; 29.2 without EHC.
    PkModel m = Presets.sherwin2012();
    SteadyState ss = NUMERICAL.steadyState(m, ONE_GRAM, Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY);
    assertEquals(36.2, ss.aucTauMgHPerL(), 36.2 * 0.01);
    assertTrue(ss.aucTauMgHPerL() > 739 / 25.3, "EHC raises exposure above dose / CL");
    assertEquals(11.1, ss.cmaxMgPerL(), 11.1 * 0.02);
    assertEquals(1.75, ss.tmaxHours(), 0.1);
    // The exact path (the gamma input of shape 9.2 convolved with the modes; inside the emptying windows
    // by quadrature) gives the same AUC as the numerical path, and the sheet's figures, mpa-models.md
    // section 1 item 2: AUC0-12,ss 36.21 mg*h/L, Cmax 11.09 mg/L at 1.81 h [computed from the NLX equations].
    SteadyState exact = EXACT.steadyState(m, ONE_GRAM, Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY);
    assertEquals(ss.aucTauMgHPerL(), exact.aucTauMgHPerL(), 1e-8 * ss.aucTauMgHPerL());
    assertEquals(36.21, exact.aucTauMgHPerL(), 0.005);
    assertEquals(11.09, exact.cmaxMgPerL(), 0.005);
    assertEquals(1.81, exact.tmaxHours(), 0.005);
  }

  @Test
  void jiao2008RecirculatesMpagIntoASecondPeak() {
    PkModel m = Presets.jiao2008(65.5);
    DosingSchedule single = DosingSchedule.of(List.of(DoseEvent.at(0, Dose.ofMg(500), Formulation.MMF_CAPSULE_250)));
    double[] t = new double[481];
    for (int i = 0; i < t.length; i++) {
      t[i] = i * 0.05;
    }
    ConcentrationProfile exact = EXACT.simulate(m, single, t);
    ConcentrationProfile num = NUMERICAL.simulate(m, single, t);
    for (int i = 0; i < t.length; i++) {
      assertEquals(num.concentrationMgPerL(i), exact.concentrationMgPerL(i),
          1e-6 * Math.max(1e-3, num.concentrationMgPerL(i)), "t=" + t[i]);
    }
    // Just before the 4-h release MPA is falling; just after it, absorption of the released bile lifts it again.
    int at4 = 80;
    assertTrue(exact.concentrationMgPerL(at4) < exact.concentrationMgPerL(at4 - 2));
    assertTrue(exact.concentrationMgPerL(at4 + 10) > exact.concentrationMgPerL(at4));
    assertEquals(List.of("MPA", "MPAG"), exact.analytes());
  }
}
