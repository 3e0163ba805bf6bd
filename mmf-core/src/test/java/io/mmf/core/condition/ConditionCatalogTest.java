package io.mmf.core.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.UnknownNameException;
import io.mmf.core.target.AucTarget;
import io.mmf.core.source.Source;
import io.mmf.core.source.Sources;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionCatalogTest {
  private final ConditionCatalog catalog = ConditionCatalog.standard();

  /** Every condition the five seed documents name, by the name the seed uses, with its expected id. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "kidney transplant | kidney-transplant", "liver transplant | liver-transplant",
      "heart transplant | heart-transplant", "lupus nephritis | lupus-nephritis",
      "Systemic Lupus Erythematosus | sle-skin", "Pemphigus Vulgaris | pemphigus-vulgaris",
      "Pemphigus Foliaceus | pemphigus-foliaceus", "Systemic Sclerosis | systemic-sclerosis",
      "scleroderma | systemic-sclerosis", "psoriasis | psoriasis", "eczema | eczema",
      "Rheumatoid arthritis | rheumatoid-arthritis", "dermatomyositis | dermatomyositis",
      "juvenile dermatomyositis | juvenile-dermatomyositis", "inflammatory myopathy | inflammatory-myopathy",
      "multifocal motor neuropathy | multifocal-motor-neuropathy",
      "Lambert-Eaton myasthenic syndrome | lambert-eaton", "Crohn's disease | crohns-disease",
      "dermatitis | eczema", "lupus kidney disease | lupus-nephritis"})
  void everySeedConditionHasAnEntry(String seedName, String id) {
    assertEquals(id, catalog.get(seedName).id());
  }

  @ParameterizedTest
  @CsvSource({"SLE, sle-skin", "sle, sle-skin", "JDM, juvenile-dermatomyositis", "jdm, juvenile-dermatomyositis",
      "PV, pemphigus-vulgaris", "pf, pemphigus-foliaceus", "LN, lupus-nephritis", "MMN, multifocal-motor-neuropathy",
      "LEMS, lambert-eaton", "SSc, systemic-sclerosis", "RA, rheumatoid-arthritis", "DM, dermatomyositis",
      "crohns, crohns-disease", "CROHN'S DISEASE, crohns-disease", "Kidney-Transplant, kidney-transplant",
      "  renal   transplant , kidney-transplant"})
  void abbreviationsAndNamesAreCaseAndPunctuationInsensitive(String name, String id) {
    assertEquals(id, catalog.get(name).id());
  }

  @Test
  void everyEntryCitesItsSources() {
    for (Condition c : catalog.all()) {
      assertFalse(c.sources().isEmpty(), c.id() + " has no source");
      for (Source s : c.allSources()) {
        assertFalse(s.citation().isBlank(), c.id() + " has a blank citation");
      }
      c.usualDailyDose().ifPresent(d -> assertTrue(c.allSources().contains(d.source())));
      c.maximumDailyDose().ifPresent(d -> assertTrue(c.allSources().contains(d.source())));
      assertTrue(c.allSources().contains(c.target().source()), c.id() + " target source missing");
    }
  }

  @Test
  void catalogHoldsSeventeenConditionsInOrder() {
    assertEquals(17, catalog.all().size());
    assertEquals("kidney-transplant", catalog.all().get(0).id());
  }

  @Test
  void unknownNameListsCloseMatches() {
    UnknownNameException e = assertThrows(UnknownNameException.class, () -> catalog.get("dermatomyosits"));
    assertTrue(e.getMessage().contains("'dermatomyosits'"), e.getMessage());
    assertTrue(e.suggestions().contains("dermatomyositis"), e.suggestions().toString());
    assertEquals("condition", e.kind());
  }

  @Test
  void partialNameSuggestsBothLupusEntries() {
    UnknownNameException e = assertThrows(UnknownNameException.class, () -> catalog.get("lupus"));
    assertTrue(e.suggestions().contains("lupus-nephritis"), e.getMessage());
    assertTrue(e.suggestions().contains("sle-skin"), e.getMessage());
  }

  @Test
  void nothingCloseGivesNoSuggestions() {
    UnknownNameException e = assertThrows(UnknownNameException.class, () -> catalog.get("zzzzzzzzzzzzzzzzzzzz"));
    assertTrue(e.suggestions().isEmpty());
  }

  @Test
  void everyConditionHasASourcedTargetOrSaysItHasNone() {
    assertSame(AucTarget.KIDNEY_TRANSPLANT, catalog.get("kidney-transplant").target());
    assertTrue(AucTarget.KIDNEY_TRANSPLANT.population().contains("first 30 days"));
    assertEquals(30, catalog.get("liver-transplant").target().lowMgHPerL());
    AucTarget heart = catalog.get("heart-transplant").target();
    assertEquals(36, heart.lowMgHPerL());
    assertTrue(heart.isLowerBoundOnly(), "IATDMCT 2021 gives no upper bound for heart transplantation");
    assertEquals(2.0, heart.minTroughMgPerL().getAsDouble());
    assertSame(Sources.BERGAN_2021, heart.source());
    assertSame(AucTarget.SEED_003_MYOSITIS, catalog.get("dermatomyositis").target());
    assertSame(AucTarget.SEED_003_MYOSITIS, catalog.get("inflammatory-myopathy").target());
    assertSame(Sources.LN_TDM_2014, catalog.get("LN").target().source());
    Set<String> sourced = Set.of("kidney-transplant", "liver-transplant", "heart-transplant", "lupus-nephritis",
        "dermatomyositis", "inflammatory-myopathy");
    for (Condition c : catalog.all()) {
      assertEquals(sourced.contains(c.id()), c.target().isSourced(), c.id());
      if (!c.target().isSourced()) {
        assertTrue(c.target().population().startsWith("no validated MPA target for " + c.name()),
            c.target().population());
      }
    }
    assertEquals(20, AucTarget.DEFAULT.lowMgHPerL());
    assertEquals(60, AucTarget.DEFAULT.highMgHPerL().getAsDouble());
    assertEquals(12, AucTarget.DEFAULT.intervalHours());
    assertFalse(AucTarget.DEFAULT.isSourced());
  }

  @Test
  void timelinesSayWhatTheSeedsSay() {
    Condition jdm = catalog.get("JDM");
    ResponseTimeline t = jdm.responseTimeline().orElseThrow();
    assertEquals(java.time.Period.ofMonths(3), t.assessResponseAt().orElseThrow(), "seed 002: evaluated at 3 months");
    assertTrue(t.fullEffectWithin().isEmpty(), "seed 002 gives no time to full effect");
    ResponseTimeline mmn = catalog.get("MMN").responseTimeline().orElseThrow();
    assertTrue(mmn.assessFailureAfter().isEmpty(), "seed 001 gives no failure time");
    assertEquals(java.time.Period.ofMonths(12), mmn.assessResponseAt().orElseThrow());
  }

  @Test
  void dermatomyositisDosesComeFromSeed003() {
    Condition dm = catalog.get("DM");
    assertEquals(3000, dm.maximumDailyDose().orElseThrow().mgPerDay());
    assertEquals(2000, dm.adequateDailyDose().orElseThrow().mgPerDay());
    assertSame(Sources.SEED_003, dm.maximumDailyDose().orElseThrow().source());
    assertTrue(dm.myositis());
    assertEquals(java.time.Period.ofMonths(3), dm.responseTimeline().orElseThrow().assessFailureAfter().orElseThrow());
  }

  @Test
  void duplicateIdsOrNamesAreRejected() {
    Condition a = Condition.builder("a-b", "Alpha").category(Category.DERMATOLOGY)
        .evidence(Evidence.OFF_LABEL, "x").sources(Sources.SEED_000).build();
    Condition b = Condition.builder("c-d", "Alpha").category(Category.DERMATOLOGY)
        .evidence(Evidence.OFF_LABEL, "x").sources(Sources.SEED_000).build();
    assertThrows(IllegalArgumentException.class, () -> ConditionCatalog.of(List.of(a, a)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConditionCatalog.of(List.of(a, b)));
    assertTrue(e.getMessage().contains("'Alpha'"), e.getMessage());
  }

  @Test
  void entryWithoutSourceOrWithBadIdIsRejected() {
    IllegalArgumentException noSource = assertThrows(IllegalArgumentException.class, () -> Condition.builder("x", "X")
        .category(Category.DERMATOLOGY).evidence(Evidence.OFF_LABEL, "x").build());
    assertTrue(noSource.getMessage().contains("sources"), noSource.getMessage());
    IllegalArgumentException badId = assertThrows(IllegalArgumentException.class, () -> Condition.builder("Bad Id", "X")
        .category(Category.DERMATOLOGY).evidence(Evidence.OFF_LABEL, "x").sources(Sources.SEED_000).build());
    assertTrue(badId.getMessage().contains("Bad Id"), badId.getMessage());
  }

  @Test
  void usualRangeAboveMaximumIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Condition.builder("x", "X").category(Category.DERMATOLOGY)
        .evidence(Evidence.OFF_LABEL, "x").usualDailyDose(new DailyDoseRange(1000, 4000, Sources.SEED_000))
        .maximumDailyDose(new DailyDoseLimit(3000, Sources.SEED_000)).sources(Sources.SEED_000).build());
  }

  @Test
  void listsAreUnmodifiable() {
    Condition c = catalog.get("DM");
    assertThrows(UnsupportedOperationException.class, () -> c.aliases().add("x"));
    assertThrows(UnsupportedOperationException.class, () -> c.sources().clear());
    assertThrows(UnsupportedOperationException.class, () -> catalog.all().clear());
  }
}
