package io.mmf.pk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Drug;
import io.mmf.core.safety.CoMedication;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The default model for a patient's context: each rule, and both sides of the age of 18. */
class ModelChoiceTest {
  private static final Drug MMF = Drug.MYCOPHENOLATE_MOFETIL;

  private static ModelChoice choose(String condition, double age, Set<CoMedication> comeds) {
    return ModelChoice.forPatient(Optional.ofNullable(condition), Double.isNaN(age) ? OptionalDouble.empty()
        : OptionalDouble.of(age), MMF, comeds);
  }

  @Test
  void aChildAfterKidneyTransplantationGetsHeidaAndAnAdultVanHest() {
    assertEquals("heida-2024", choose("kidney-transplant", 17.9, Set.of()).name());
    assertEquals("van-hest-2005", choose("kidney-transplant", 18, Set.of()).name());
    assertEquals("van-hest-2005", choose("kidney-transplant", Double.NaN, Set.of()).name());
    assertTrue(choose("kidney-transplant", 17.9, Set.of()).reason().contains("children"));
  }

  @Test
  void aChildWithAnotherOrNoConditionIsRefusedNamingTheChildrensModels() {
    for (String condition : new String[] {null, "lupus-nephritis", "dermatomyositis"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> choose(condition, 10, Set.of()));
      assertTrue(e.getMessage().contains("heida-2024") && e.getMessage().contains("zhao-2010"), e.getMessage());
    }
    // an adult with the same conditions is not refused
    assertEquals("mizaki-2023", choose("lupus-nephritis", 18, Set.of()).name());
    assertEquals("van-hest-2005", choose("dermatomyositis", 18, Set.of()).name());
  }

  @Test
  void lupusNephritisGetsMizakiWithOrWithoutAnAge() {
    assertEquals("mizaki-2023", choose("lupus-nephritis", Double.NaN, Set.of()).name());
    assertEquals("mizaki-2023", choose("lupus-nephritis", 45, Set.of(CoMedication.TACROLIMUS)).name());
  }

  @Test
  void theCalcineurinInhibitorChoosesBetweenRigletAndVanHest() {
    ModelChoice csa = choose("kidney-transplant", 50, Set.of(CoMedication.CYCLOSPORINE));
    ModelChoice tac = choose("kidney-transplant", 50, Set.of(CoMedication.TACROLIMUS));
    ModelChoice none = choose("kidney-transplant", 50, Set.of());
    assertEquals("van-hest-2005", csa.name());
    assertEquals("riglet-2020", tac.name());
    assertEquals("van-hest-2005", none.name());
    assertTrue(csa.reason().contains("on ciclosporin") && !csa.reason().contains("tacrolimus"), csa.reason());
    assertTrue(tac.reason().contains("on tacrolimus"), tac.reason());
    assertTrue(none.reason().contains("--comed"), none.reason());
    // a child on tacrolimus after kidney transplantation is still Heida's
    assertEquals("heida-2024", choose("kidney-transplant", 12, Set.of(CoMedication.TACROLIMUS)).name());
  }

  @Test
  void anythingElseIsTheDefaultSaidToBeOne() {
    assertTrue(choose(null, 50, Set.of()).reason().contains("the default: no bundled model was fitted on patients"
        + " with no condition given"));
    assertTrue(choose("heart-transplant", 50, Set.of()).reason().endsWith("fitted on heart-transplant"));
  }

  @Test
  void ecMpsGetsFromageAtAnyAgeSayingItIsForOneSteadyStateInterval() {
    for (double age : new double[] {10, 50}) {
      ModelChoice c = ModelChoice.forPatient(Optional.of("kidney-transplant"), OptionalDouble.of(age),
          Drug.MYCOPHENOLATE_SODIUM, Set.of());
      assertEquals("fromage-2025", c.name());
      assertTrue(c.reason().contains("steady-state interval"), c.reason());
    }
  }

  @Test
  void aChoiceNamesAKnownModel() {
    assertThrows(IllegalArgumentException.class, () -> new ModelChoice("no-such-model", "reason"));
    assertThrows(NullPointerException.class, () -> new ModelChoice(null, "reason"));
    assertThrows(NullPointerException.class, () -> ModelChoice.forPatient(null, OptionalDouble.empty(), MMF,
        Set.of()));
  }
}
