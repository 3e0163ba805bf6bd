package io.mmf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mmf.core.condition.Condition;
import io.mmf.core.condition.ConditionCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Walks the clinical audit's list of the seed documents' actionable statements
 * ({@code seed-statements.tsv}) and fails on any that is neither encoded nor explained: every
 * reference must resolve to a class member, a catalog entry or a catalog text that exists.
 */
class SeedCoverageTest {
  private static final ConditionCatalog CATALOG = ConditionCatalog.standard();

  record Statement(String id, String text, List<String> encodings) {}

  static List<Statement> statements() throws IOException {
    try (InputStream in = SeedCoverageTest.class.getResourceAsStream("/seed-statements.tsv")) {
      List<Statement> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t");
        assertEquals(3, cells.length, "three columns: " + line);
        out.add(new Statement(cells[0], cells[1], Arrays.stream(cells[2].split(" \\| ")).map(String::trim).toList()));
      }
      return out;
    }
  }

  private static void walk(String seed, int expected) throws IOException {
    List<Statement> of = statements().stream().filter(s -> s.id().startsWith(seed + "-")).toList();
    assertEquals(expected, of.size(), "the audit lists " + expected + " actionable statements of seed " + seed);
    for (Statement s : of) {
      assertFalse(s.encodings().isEmpty(), s.id());
      for (String e : s.encodings()) {
        check(s, e);
      }
    }
  }

  private static void check(Statement s, String encoding) {
    String where = s.id() + " (" + s.text() + "): " + encoding;
    int colon = encoding.indexOf(':');
    String kind = encoding.substring(0, colon);
    String rest = encoding.substring(colon + 1);
    switch (kind) {
      case "java" -> assertTrue(memberExists(rest), "no such member: " + where);
      case "condition" -> assertTrue(CATALOG.find(rest).isPresent(), "no such condition: " + where);
      case "text" -> {
        int c = rest.indexOf(':');
        Condition condition = CATALOG.find(rest.substring(0, c)).orElseThrow(() -> new AssertionError(where));
        String phrase = rest.substring(c + 1).toLowerCase(Locale.ROOT);
        String all = (condition.evidenceSummary() + " " + condition.notes() + " "
            + condition.responseTimeline().map(t -> t.summary()).orElse("")).toLowerCase(Locale.ROOT);
        assertTrue(all.contains(phrase), "catalog text lacks the phrase: " + where);
      }
      case "dose" -> {
        String[] p = rest.split(":");
        String[] range = p[1].split("-");
        var usual = CATALOG.get(p[0]).usualDailyDose().orElseThrow(() -> new AssertionError("no usual dose: " + where));
        assertEquals(Double.parseDouble(range[0]), usual.lowMgPerDay(), where);
        assertEquals(Double.parseDouble(range[1]), usual.highMgPerDay(), where);
      }
      case "max" -> {
        String[] p = rest.split(":");
        assertEquals(Double.parseDouble(p[1]), CATALOG.get(p[0]).maximumDailyDose()
            .orElseThrow(() -> new AssertionError("no maximum: " + where)).mgPerDay(), where);
      }
      case "explained" -> assertTrue(rest.trim().length() > 20, "an explanation in words: " + where);
      default -> fail("unknown encoding kind: " + where);
    }
  }

  private static boolean memberExists(String ref) {
    int hash = ref.indexOf('#');
    try {
      Class<?> type = Class.forName(ref.substring(0, hash));
      String member = ref.substring(hash + 1);
      for (Field f : type.getFields()) {
        if (f.getName().equals(member)) {
          return true;
        }
      }
      for (Method m : type.getMethods()) {
        if (m.getName().equals(member)) {
          return true;
        }
      }
      return false;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  @Test
  void seed000EveryActionableStatementIsEncodedOrExplained() throws IOException {
    walk("000", 31);
  }

  @Test
  void seed001EveryActionableStatementIsEncodedOrExplained() throws IOException {
    walk("001", 17);
  }

  @Test
  void seed002EveryActionableStatementIsEncodedOrExplained() throws IOException {
    walk("002", 12);
  }

  @Test
  void seed003EveryActionableStatementIsEncodedOrExplained() throws IOException {
    walk("003", 29);
  }

  @Test
  void seed004EveryActionableStatementIsEncodedOrExplained() throws IOException {
    walk("004", 9);
  }

  @Test
  void aBrokenReferenceFails() {
    Statement s = new Statement("x", "test", List.of());
    assertFalse(memberExists("io.mmf.core.safety.LabelWarning#NO_SUCH_WARNING"));
    assertFalse(memberExists("io.mmf.core.NoSuchClass#X"));
    try {
      check(s, "text:dermatomyositis:a phrase the catalog does not hold");
      fail("a missing phrase must fail");
    } catch (AssertionError expected) {
      // the walk would fail on it
    }
  }
}
