package io.mmf.pk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Drug;
import io.mmf.core.safety.CoMedication;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where a patient differs from a model's population, on both sides of each boundary. */
class ContextWarningsTest {
  private static final Optional<Set<CoMedication>> NONE = Optional.of(Set.of());
  private static final FittedPopulation ZHAO = Populations.zhao2010().fittedOn();
  private static final FittedPopulation VAN_HEST = Populations.bundled("van-hest-2005").fittedOn();

  private static List<String> zhao(Double age, Drug drug) {
    return ZHAO.contextWarnings("Zhao 2010", age == null ? OptionalDouble.empty() : OptionalDouble.of(age), drug, NONE);
  }

  @Test
  void aChildrensModelWarnsOutsideItsAgesAndWithoutAnAge() {
    assertEquals(List.of(), zhao(2.9, Drug.MYCOPHENOLATE_MOFETIL));
    assertEquals(List.of(), zhao(14.9, Drug.MYCOPHENOLATE_MOFETIL));
    assertTrue(zhao(2.8, Drug.MYCOPHENOLATE_MOFETIL).get(0).contains("aged 2.9-14.9 years; the patient is 2.8"));
    assertTrue(zhao(15.0, Drug.MYCOPHENOLATE_MOFETIL).get(0).contains("the patient is 15: outside"));
    assertTrue(zhao(null, Drug.MYCOPHENOLATE_MOFETIL).get(0).contains("children aged 2.9-14.9 years; the patient's"
        + " age is not given"));
    // an adult model without ages says nothing of age
    assertEquals(List.of(), Populations.mizaki2023().fittedOn().contextWarnings("Mizaki 2023", OptionalDouble.empty(),
        Drug.MYCOPHENOLATE_MOFETIL, Optional.empty()));
  }

  @Test
  void anotherFormulationWarns() {
    assertEquals(1, zhao(8.0, Drug.MYCOPHENOLATE_SODIUM).size());
    assertTrue(zhao(8.0, Drug.MYCOPHENOLATE_SODIUM).get(0).contains("fitted on MMF; the patient takes EC-MPS"));
    assertEquals(List.of(), zhao(8.0, null), "formulation unknown: nothing said");
  }

  @Test
  void aCalcineurinInhibitorOtherThanTheModelsWarnsBothWays() {
    OptionalDouble adult = OptionalDouble.of(50);
    Drug mmf = Drug.MYCOPHENOLATE_MOFETIL;
    assertEquals(List.of(), VAN_HEST.contextWarnings("van Hest 2005", adult, mmf,
        Optional.of(Set.of(CoMedication.CYCLOSPORINE))));
    List<String> tac = VAN_HEST.contextWarnings("van Hest 2005", adult, mmf,
        Optional.of(Set.of(CoMedication.TACROLIMUS)));
    assertEquals(2, tac.size(), tac.toString());
    assertTrue(tac.get(0).contains("fitted on patients taking ciclosporin; the patient is not given as taking it"));
    assertTrue(tac.get(1).contains("not stated to take tacrolimus; the patient does"));
    assertEquals(List.of(), VAN_HEST.contextWarnings("van Hest 2005", adult, mmf, Optional.empty()),
        "co-medications unknown: nothing said");
  }
}
