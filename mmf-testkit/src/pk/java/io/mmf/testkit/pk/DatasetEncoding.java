package io.mmf.testkit.pk;

import io.mmf.core.drug.Drug;
import io.mmf.core.drug.Formulation;
import io.mmf.pk.dosing.DoseRecord;
import io.mmf.pk.dosing.DoseRecords;
import io.mmf.pk.dosing.EventKind;
import io.mmf.pk.dosing.SteadyStateMode;
import io.mmf.pk.model.DoseInput;
import io.mmf.pk.model.PkModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes dose histories as the rows of a NONMEM-format dataset, choosing among the spellings NONMEM's
 * conventions allow for each record (written from those conventions, not with mmf's own writer): which
 * optional columns are there, in what order and case, how a drug, a bolus, a zero-order input, an empty
 * cell, a missing or a below-limit level is written.
 */
final class DatasetEncoding {
  private DatasetEncoding() {}

  /** The columns a dataset may have; ID, TIME and AMT always. */
  private enum Col {
    ID, TIME, EVID, AMT, CMT, DRUG, RATE, DUR, II, ADDL, SS, DV, MDV, BLQ, LLOQ, CENS, LIMIT, SITE, OCC
  }

  /** How levels below the limit of quantification are flagged. */
  private enum Flag {
    /** Only as a DV of {@code <LIMIT}. */
    LESS_THAN,
    /** BLQ 1 with the limit in LLOQ. */
    BLQ,
    /** CENS 1 with the limit in DV (rxode2). */
    CENS
  }

  /** Carried-through values of the SITE column: text, a comma (quoted), a quote, empty. */
  private static final List<String> SITES = List.of("north", "ward 3, bed 2", "said \"twice\"", "", "B-7");

  static GeneratedDataset encode(PkModel model, List<DoseRecords> histories, SplittableRandom r) {
    Map<Drug, DoseInput> inputs = new TreeMap<>(model.inputs());
    Drug byDefault = inputs.containsKey(Drug.MYCOPHENOLATE_MOFETIL) ? Drug.MYCOPHENOLATE_MOFETIL
        : inputs.size() == 1 ? inputs.keySet().iterator().next() : null;
    Set<Col> cols = new LinkedHashSet<>(List.of(Col.ID, Col.TIME, Col.AMT));
    boolean resets = false;
    boolean others = false;
    boolean notDefault = false;
    for (DoseRecords h : histories) {
      for (DoseRecord d : h.records()) {
        switch (d.kind()) {
          case RESET, RESET_AND_DOSE -> resets = true;
          case OTHER -> others = true;
          default -> { }
        }
        if (d.kind().isDose()) {
          notDefault |= d.drug() != byDefault;
          if (d.rateMgPerHour() > 0) {
            cols.add(Col.RATE);
          }
          if (d.durationHours() > 0) {
            cols.add(Col.DUR);
          }
          if (d.additionalDoses() > 0) {
            cols.add(Col.II);
            cols.add(Col.ADDL);
          }
          if (d.steadyState() != SteadyStateMode.NONE) {
            cols.add(Col.II);
            cols.add(Col.SS);
          }
        }
      }
    }
    // without EVID, NONMEM's rule reads a row: AMT > 0 a dose, else MDV 1 another event, else an observation
    boolean evid = resets || r.nextInt(4) > 0;
    if (evid) {
      cols.add(Col.EVID);
    }
    if (others && !evid) {
      cols.add(Col.MDV);
    }
    boolean drug = r.nextInt(4) > 0;
    if (drug) {
      cols.add(Col.DRUG);
    }
    if (!drug && notDefault || r.nextBoolean()) {
      cols.add(Col.CMT);
    }
    for (Col optional : List.of(Col.RATE, Col.DUR, Col.II, Col.ADDL, Col.SS, Col.DV, Col.MDV, Col.SITE, Col.OCC)) {
      if (r.nextInt(3) == 0) {
        cols.add(optional);
      }
    }
    cols.add(Col.DV);
    Flag flag = Flag.values()[r.nextInt(Flag.values().length)];
    if (flag == Flag.BLQ) {
      cols.add(Col.BLQ);
      cols.add(Col.LLOQ);
    } else if (flag == Flag.CENS) {
      cols.add(Col.CENS);
      if (r.nextBoolean()) {
        cols.add(Col.LIMIT);
      }
    }
    List<Col> order = new ArrayList<>(cols);
    shuffle(order, r);
    Map<Col, Integer> at = new EnumMap<>(Col.class);
    List<String> header = new ArrayList<>();
    for (Col c : order) {
      at.put(c, header.size());
      header.add(spelled(c.name(), r));
    }

    List<List<String>> rows = new ArrayList<>();
    List<GeneratedDataset.Line> expected = new ArrayList<>();
    List<GeneratedDataset.Subject> subjects = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (DoseRecords h : histories) {
      String id;
      do {
        id = List.of("", "S", "pt-", "id_").get(r.nextInt(4)) + (1 + r.nextInt(10_000));
      } while (!ids.add(id));
      int first = rows.size();
      for (DoseRecord d : h.records()) {
        String[] cells = new String[order.size()];
        Arrays.fill(cells, "");
        Row row = new Row(cells, at, r);
        row.set(Col.ID, id);
        row.set(Col.TIME, number(d.timeHours(), r));
        row.set(Col.SITE, SITES.get(r.nextInt(SITES.size())));
        row.set(Col.OCC, r.nextBoolean() ? "" : Integer.toString(r.nextInt(5)));
        Level level = d.kind().isDose() ? dose(row, d, model, inputs, byDefault)
            : d.kind() == EventKind.OBSERVATION ? observation(row, model, flag) : other(row, d, evid);
        rows.add(List.of(cells));
        expected.add(new GeneratedDataset.Line(id, d, level.analyte(), level.dv(), level.missing(), level.below(),
            level.limit()));
      }
      subjects.add(new GeneratedDataset.Subject(id, first, rows.size() - first, h));
    }
    return new GeneratedDataset(model, header, rows, expected, subjects);
  }

  /** One row's cells being written: columns the dataset lacks are skipped. */
  private record Row(String[] cells, Map<Col, Integer> at, SplittableRandom r) {
    boolean has(Col c) {
      return at.containsKey(c);
    }

    void set(Col c, String value) {
      Integer i = at.get(c);
      if (i != null) {
        cells[i] = value;
      }
    }

    /** An item that is 0 or absent on this row: empty, "." (NONMEM's empty) or 0. */
    void none(Col c) {
      set(c, List.of("", ".", "0").get(r.nextInt(3)));
    }

    /** A cell no reader looks at on this row: empty or ".". */
    void blank(Col c) {
      set(c, r.nextBoolean() ? "" : ".");
    }
  }

  /** What a row holds besides its record: the analyte, DV, MDV 1, whether below the limit, the limit. */
  private record Level(int analyte, double dv, boolean missing, boolean below, double limit) {}

  private static final Level NO_LEVEL = new Level(0, Double.NaN, false, false, Double.NaN);

  private static Level dose(Row row, DoseRecord d, PkModel model, Map<Drug, DoseInput> inputs, Drug byDefault) {
    SplittableRandom r = row.r();
    row.set(Col.EVID, d.kind() == EventKind.RESET_AND_DOSE ? "4" : "1");
    row.set(Col.AMT, number(d.amountMg(), r));
    row.set(Col.MDV, r.nextBoolean() ? "1" : "");
    row.blank(Col.DV);
    row.blank(Col.BLQ);
    row.blank(Col.LLOQ);
    row.blank(Col.CENS);
    row.blank(Col.LIMIT);
    // the drug: named in DRUG (abbreviation, 1/2, a formulation), in CMT, or left to the model's default
    DoseInput input = inputs.get(d.drug());
    String compartment = input.compartment();
    List<String[]> spellings = new ArrayList<>(); // {DRUG, CMT}
    if (row.has(Col.DRUG)) {
      for (String name : drugNames(d.drug(), r)) {
        spellings.add(new String[] {name, ""});
        if (row.has(Col.CMT)) {
          spellings.add(new String[] {name, spelledCompartment(model, compartment, r)});
        }
      }
    }
    if (row.has(Col.CMT)) {
      spellings.add(new String[] {"", spelled(d.drug().abbreviation(), r)});
      if (receives(inputs, compartment) == d.drug()) {
        spellings.add(new String[] {"", spelledCompartment(model, compartment, r)});
      }
    }
    if (d.drug() == byDefault) {
      spellings.add(new String[] {"", row.has(Col.CMT) ? List.of("", "0", ".").get(r.nextInt(3)) : ""});
    }
    String[] chosen = spellings.get(r.nextInt(spellings.size()));
    row.set(Col.DRUG, chosen[0]);
    row.set(Col.CMT, chosen[1]);
    // how it is delivered: a rate, a duration, or the model's own input (a bolus, or its zero-order input)
    boolean modelled = input.zeroOrderHours() > 0;
    row.none(Col.RATE);
    row.none(Col.DUR);
    if (d.rateMgPerHour() > 0) {
      row.set(Col.RATE, number(d.rateMgPerHour(), r));
    } else if (d.durationHours() > 0) {
      row.set(Col.DUR, number(d.durationHours(), r));
      row.set(Col.RATE, List.of("", "0", "-2").get(r.nextInt(3)));
    } else if (modelled) {
      // RATE -1 or -2 asks for the model's zero-order input; without a RATE column a dose row is that input
      row.set(Col.RATE, r.nextBoolean() ? "-1" : "-2");
    }
    row.none(Col.II);
    row.none(Col.ADDL);
    row.none(Col.SS);
    if (d.additionalDoses() > 0 || d.steadyState() != SteadyStateMode.NONE) {
      row.set(Col.II, number(d.intervalHours(), r));
    }
    if (d.additionalDoses() > 0) {
      row.set(Col.ADDL, Integer.toString(d.additionalDoses()));
    }
    if (d.steadyState() != SteadyStateMode.NONE) {
      row.set(Col.SS, Integer.toString(d.steadyState().ss()));
    }
    return NO_LEVEL;
  }

  private static Level observation(Row row, PkModel model, Flag flag) {
    SplittableRandom r = row.r();
    row.set(Col.EVID, "0");
    row.none(Col.AMT);
    for (Col c : List.of(Col.RATE, Col.DUR, Col.II, Col.ADDL, Col.SS)) {
      row.none(c);
    }
    row.blank(Col.DRUG);
    int analyte = 0;
    if (row.has(Col.CMT)) {
      analyte = r.nextInt(model.observed().size());
      String name = model.observed().get(analyte).name();
      row.set(Col.CMT, analyte == 0 ? List.of("", "0", ".", spelled(name, r)).get(r.nextInt(4)) : spelled(name, r));
    }
    row.blank(Col.BLQ);
    row.blank(Col.LLOQ);
    row.blank(Col.CENS);
    row.blank(Col.LIMIT);
    int kind = r.nextInt(row.has(Col.MDV) ? 4 : 3);
    if (kind == 0) {
      // a measured level, as NONMEM writes it or with a few decimals
      double dv = r.nextInt(10) == 0 ? 0 : r.nextDouble() * 40;
      String text = r.nextBoolean() ? number(dv, r) : String.format(Locale.ROOT, "%.3f", dv);
      row.set(Col.DV, text);
      row.set(Col.MDV, r.nextBoolean() ? "0" : "");
      row.set(Col.BLQ, r.nextBoolean() ? "0" : "");
      row.set(Col.CENS, r.nextBoolean() ? "0" : "");
      return new Level(analyte, Double.parseDouble(text), false, false, Double.NaN);
    }
    if (kind == 1) {
      // below the limit, flagged as the dataset's convention says (a DV of <LIMIT is read in every one)
      double limit = 0.05 + 0.01 * r.nextInt(96);
      String text = String.format(Locale.ROOT, "%.2f", limit);
      row.set(Col.MDV, r.nextBoolean() ? "0" : "");
      boolean lessThan = flag == Flag.LESS_THAN || r.nextInt(4) == 0;
      if (lessThan) {
        row.set(Col.DV, "<" + text);
      } else if (flag == Flag.BLQ) {
        row.set(Col.BLQ, "1");
        row.set(Col.LLOQ, text);
        row.set(Col.DV, List.of("", ".", "0").get(r.nextInt(3)));
      } else {
        row.set(Col.CENS, "1");
        row.set(Col.DV, text);
        row.set(Col.LIMIT, List.of("", ".", "0", "-1").get(r.nextInt(4)));
      }
      return new Level(analyte, Double.NaN, false, true, Double.parseDouble(text));
    }
    if (kind == 2) {
      // an observation row without a level (a time to predict at)
      row.blank(Col.DV);
      row.set(Col.MDV, r.nextBoolean() ? "0" : "");
      return new Level(analyte, Double.NaN, false, false, Double.NaN);
    }
    // MDV 1: no level, whatever DV holds (EVID must say it is an observation)
    if (!row.has(Col.EVID)) {
      row.blank(Col.DV);
      row.set(Col.MDV, "0");
      return new Level(analyte, Double.NaN, false, false, Double.NaN);
    }
    row.set(Col.MDV, "1");
    row.set(Col.DV, r.nextBoolean() ? "" : "3.5");
    return new Level(analyte, Double.NaN, true, false, Double.NaN);
  }

  private static Level other(Row row, DoseRecord d, boolean evid) {
    SplittableRandom r = row.r();
    row.set(Col.EVID, Integer.toString(d.kind().evid()));
    row.none(Col.AMT);
    for (Col c : List.of(Col.RATE, Col.DUR, Col.II, Col.ADDL, Col.SS)) {
      row.none(c);
    }
    row.blank(Col.DRUG);
    row.blank(Col.CMT);
    row.blank(Col.DV);
    row.blank(Col.BLQ);
    row.blank(Col.LLOQ);
    row.blank(Col.CENS);
    row.blank(Col.LIMIT);
    row.set(Col.MDV, evid && r.nextBoolean() ? "" : "1");
    return NO_LEVEL;
  }

  /** The drug that an empty DRUG and this compartment in CMT stand for (MMF where both go there). */
  private static Drug receives(Map<Drug, DoseInput> inputs, String compartment) {
    List<Drug> into = new ArrayList<>();
    for (Map.Entry<Drug, DoseInput> e : inputs.entrySet()) {
      if (e.getValue().compartment().equals(compartment)) {
        into.add(e.getKey());
      }
    }
    return into.contains(Drug.MYCOPHENOLATE_MOFETIL) ? Drug.MYCOPHENOLATE_MOFETIL
        : into.size() == 1 ? into.get(0) : null;
  }

  /** Ways to name a drug in DRUG: its abbreviation, NONMEM's 1 or 2, an oral formulation's id. */
  private static List<String> drugNames(Drug drug, SplittableRandom r) {
    List<String> out = new ArrayList<>(List.of(spelled(drug.abbreviation(), r),
        drug == Drug.MYCOPHENOLATE_MOFETIL ? "1" : "2"));
    for (Formulation f : Formulation.values()) {
      if (f.drug() == drug && f.route() == Formulation.Route.ORAL) {
        out.add(f.id());
      }
    }
    return out;
  }

  /** A compartment by name (in some case) or by its 1-based number. */
  private static String spelledCompartment(PkModel model, String compartment, SplittableRandom r) {
    return r.nextBoolean() ? spelled(compartment, r)
        : Integer.toString(model.compartments().indexOf(compartment) + 1);
  }

  /** A name as it is, upper case, lower case or capitalised. */
  private static String spelled(String name, SplittableRandom r) {
    return switch (r.nextInt(4)) {
      case 0 -> name;
      case 1 -> name.toUpperCase(Locale.ROOT);
      case 2 -> name.toLowerCase(Locale.ROOT);
      default -> name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1).toLowerCase(Locale.ROOT);
    };
  }

  /** A number that reads back exactly: Java's shortest form, or a whole number without its ".0". */
  private static String number(double v, SplittableRandom r) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15 && r.nextBoolean()) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  private static <T> void shuffle(List<T> list, SplittableRandom r) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}
