package io.mmf.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import io.mmf.core.condition.ConditionCatalog;
import io.mmf.core.drug.Dose;
import io.mmf.core.drug.Formulation;
import io.mmf.core.target.AucTarget;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.core.regimen.Patient;
import io.mmf.core.response.SteroidSparing;
import io.mmf.core.safety.CoMedication;
import io.mmf.core.source.Sources;
import java.util.function.DoubleConsumer;
import org.junit.jupiter.api.Test;

/** Any invalid input is rejected with a message that names the field and the value. */
class ValidationProperties {

  private static void rejects(String field, double value, DoubleConsumer factory) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> factory.accept(value));
    assertTrue(e.getMessage().startsWith("Invalid value for " + field + " ("), e.getMessage());
    assertTrue(e.getMessage().endsWith("): " + value), e.getMessage());
  }

  @Test
  void invalidPositiveQuantitiesAreRejectedByName() {
    qt().forAll(Generators.invalidPositiveDoubles()).checkAssert(v -> {
      rejects("doseMg", v, Dose::ofMg);
      rejects("intervalHours", v, DosingInterval::everyHours);
      rejects("highMgHPerL", v, x -> AucTarget.of12Hours(0, x, "test", Sources.SEED_003));
      rejects("factor", v, x -> Dose.ofMg(500).times(x));
    });
  }

  @Test
  void invalidNonNegativeQuantitiesAreRejectedByName() {
    qt().forAll(Generators.invalidNonNegativeDoubles()).checkAssert(v -> {
      rejects("ageYears", v, Patient::ofAgeYears);
      rejects("gfrMlPerMinPer173M2", v, x -> Patient.ofAgeYears(40).withGfr(x));
      rejects("beforeMgPerDay", v, x -> SteroidSparing.of(x, 0));
      rejects("lowMgHPerL", v, x -> AucTarget.of12Hours(x, 60, "test", Sources.SEED_003));
    });
  }

  @Test
  void unknownNamesAreRejectedWithTheName() {
    qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 30)).checkAssert(name -> {
      if (ConditionCatalog.standard().find(name).isEmpty()) {
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> ConditionCatalog.standard().get(name));
        assertTrue(e.getMessage().startsWith("Unknown condition: '" + name + "'"), e.getMessage());
      }
      try {
        Formulation.byName(name);
      } catch (UnknownNameException e) {
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
      }
      try {
        CoMedication.byName(name);
      } catch (UnknownNameException e) {
        assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
      }
    });
  }

  @Test
  void nullsAreRejectedWithTheFieldName() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> ConditionCatalog.standard().get(null));
    assertTrue(e.getMessage().contains("condition name"), e.getMessage());
    NullPointerException r = assertThrows(NullPointerException.class,
        () -> io.mmf.core.regimen.Regimen.of(null, Dose.ofMg(1), DosingInterval.TWICE_DAILY));
    assertTrue(r.getMessage().contains("formulation"), r.getMessage());
  }
}
