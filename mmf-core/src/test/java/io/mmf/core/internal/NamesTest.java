package io.mmf.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void levenshteinDistance() {
    assertEquals(0, Names.levenshtein("abc", "abc"));
    assertEquals(3, Names.levenshtein("kitten", "sitting"));
    assertEquals(3, Names.levenshtein("", "abc"));
  }

  @Test
  void normalisationDropsCasePunctuationAndApostrophes() {
    assertEquals("crohns disease", Names.normalise("  Crohn's   DISEASE "));
    assertEquals("ec mps 360", Names.normalise("EC_MPS-360"));
  }

  @Test
  void formatKeepsFourSignificantDigits() {
    assertEquals("2000", Format.num(2000));
    assertEquals("2.9", Format.num(2.9));
    assertEquals("1.235", Format.num(1.23456));
    assertEquals("66.67", Format.num(200.0 / 3));
  }
}
