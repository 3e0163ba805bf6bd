package io.mmf.pk.tdm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Drug;
import io.mmf.pk.tdm.LimitedSamplingEquation.CoMedication;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LimitedSamplingEquationTest {
  @Test
  void pawinskiByHand() {
    // 7.75 + 6.49 * 2 + 0.76 * 10 + 2.43 * 5 = 7.75 + 12.98 + 7.6 + 12.15 = 40.48
    var e = LimitedSamplingEquation.PAWINSKI_2002.estimate(Map.of(0.0, 2.0, 0.5, 10.0, 2.0, 5.0),
        Drug.MYCOPHENOLATE_MOFETIL, Optional.of(CoMedication.TACROLIMUS));
    assertEquals(40.48, e.aucMgHPerL(), 1e-12);
    assertTrue(e.warnings().isEmpty(), e.warnings().toString());
  }

  @Test
  void fourPointChineseEquationByHand() {
    // 4.272 + 0.859 * 12 + 1.896 * 6 + 4.074 * 3 + 4.680 * 1.5 = 4.272 + 10.308 + 11.376 + 12.222 + 7.02 = 45.198
    var e = LimitedSamplingEquation.CHINESE_RENAL_TACROLIMUS_4.estimate(Map.of(0.5, 12.0, 2.0, 6.0, 6.0, 3.0, 10.0,
        1.5), Drug.MYCOPHENOLATE_MOFETIL, Optional.of(CoMedication.TACROLIMUS));
    assertEquals(45.198, e.aucMgHPerL(), 1e-12);
  }

  @Test
  void aDifferentContextIsWarnedAbout() {
    var e = LimitedSamplingEquation.PAWINSKI_2002.estimate(Map.of(0.0, 2.0, 0.5, 10.0, 2.0, 5.0),
        Drug.MYCOPHENOLATE_SODIUM, Optional.of(CoMedication.CICLOSPORIN));
    assertEquals(2, e.warnings().size());
    assertTrue(e.warnings().get(1).contains("CICLOSPORIN"));
    var unknown = LimitedSamplingEquation.HEART_CICLOSPORIN_3.estimate(Map.of(1.25, 8.0, 2.0, 6.0, 6.0, 2.0),
        Drug.MYCOPHENOLATE_MOFETIL, Optional.empty());
    assertTrue(unknown.warnings().get(0).contains("unknown"));
  }

  @Test
  void aMissingOrInvalidSampleIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LimitedSamplingEquation.PAWINSKI_2002.estimate(Map.of(0.0, 2.0, 2.0, 5.0), Drug.MYCOPHENOLATE_MOFETIL,
            Optional.empty()));
    assertTrue(e.getMessage().contains("0.5 h"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LimitedSamplingEquation.PAWINSKI_2002.estimate(
        Map.of(0.0, 2.0, 0.5, -1.0, 2.0, 5.0), Drug.MYCOPHENOLATE_MOFETIL, Optional.empty()));
    assertEquals(java.util.List.of(0.0, 0.5, 2.0), LimitedSamplingEquation.PAWINSKI_2002.samplingTimesHours());
  }
}
