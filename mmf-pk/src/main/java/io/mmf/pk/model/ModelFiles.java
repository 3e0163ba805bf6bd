package io.mmf.pk.model;

import io.mmf.core.internal.Checks;
import io.mmf.core.drug.Drug;
import io.mmf.pk.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link PkModel} from a JSON file. The format (documented with an example in README.md):
 *
 * <pre>{@code
 * {
 *   "name": "two compartments with EHC",
 *   "doseUnit": "MG_MPA",                          // or MG_MMF
 *   "compartments": ["depot", "central", "peripheral", "gallbladder"],
 *   "transfers": [
 *     {"from": "depot", "to": "central", "ratePerHour": 4.1},
 *     {"from": "central", "ratePerHour": 0.24},     // no "to": elimination from the body
 *     {"from": "gallbladder", "to": "depot", "ratePerHour": 5, "windowed": true}
 *   ],
 *   "emptyingWindows": {"anchor": "AFTER_EACH_DOSE", "windows": [{"startHours": 6, "durationHours": 1}]},
 *   "observed": [{"analyte": "MPA", "compartment": "central", "volumeL": 40}],
 *   "doses": {"MMF": {"compartment": "depot", "lagHours": 0.3},
 *             "EC-MPS": {"compartment": "depot", "lagHours": 1.5}}
 * }
 * }</pre>
 *
 * <p>{@code doses} keys are {@code MMF}, {@code EC-MPS} or {@code any}; each input takes
 * {@code compartment} and optionally {@code bioavailability} (default 1), {@code lagHours} (0) and
 * {@code zeroOrderHours} (0 = bolus). {@code savicTransit} ({@code n}, {@code ktrPerHour}) is optional.
 * Unknown fields are errors, so a typing error cannot silently fall back to a default.
 */
public final class ModelFiles {
  private ModelFiles() {}

  /** Longest name or other text field, characters. */
  public static final int MAX_TEXT = 200;

  /**
   * Reads a model file.
   *
   * @param file the JSON file
   * @return the model
   * @throws ModelFileException if the file cannot be read, is not JSON, or does not describe a valid
   *     model; the message names the file, line and field
   * @throws NullPointerException if {@code file} is null
   */
  public static PkModel read(Path file) throws ModelFileException {
    Checks.notNull(file, "file");
    byte[] bytes = bytes(file);
    Json.Node root;
    try {
      root = Json.parse(bytes);
    } catch (Json.SyntaxException e) {
      throw new ModelFileException(file, e.line(), "not valid JSON: " + e.getMessage(), e);
    }
    return new Reader(file).model(root);
  }

  /** Largest model file, bytes: a model of the largest size {@link PkModel} allows fits many times over. */
  public static final int MAX_BYTES = 1024 * 1024;

  /** The bytes of a regular file of at most {@link #MAX_BYTES}: a pipe or a device is never opened. */
  private static byte[] bytes(Path file) throws ModelFileException {
    if (!Files.exists(file)) {
      throw new ModelFileException(file, 0, "cannot read the file: no such file", null);
    }
    if (!Files.isRegularFile(file)) {
      throw new ModelFileException(file, 0, "cannot read the file: " + (Files.isDirectory(file) ? "it is a directory"
          : "not a regular file (a pipe, device or socket)") + "; expected a JSON model file", null);
    }
    try (InputStream in = Files.newInputStream(file)) {
      // at most one byte past the limit, so a file that grows while it is read cannot fill memory
      byte[] b = Files.size(file) > MAX_BYTES ? null : in.readNBytes(MAX_BYTES + 1);
      if (b == null || b.length > MAX_BYTES) {
        throw new ModelFileException(file, 0, "larger than " + MAX_BYTES / 1024 + " KiB (expected a model file)",
            null);
      }
      return b;
    } catch (IOException e) {
      throw new ModelFileException(file, 0, "cannot read the file: " + e.getMessage(), e);
    }
  }

  /** Walks the JSON tree; every error carries the line of the node at fault. */
  private static final class Reader {
    private final Path file;

    Reader(Path file) {
      this.file = file;
    }

    private ModelFileException error(Json.Node at, String message) {
      return new ModelFileException(file, at.line(), message, null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Json.Node> object(Json.Node n, String field, Set<String> allowed) throws ModelFileException {
      if (!(n.value() instanceof Map)) {
        throw error(n, "field '" + field + "' must be an object");
      }
      Map<String, Json.Node> map = (Map<String, Json.Node>) n.value();
      for (Map.Entry<String, Json.Node> e : map.entrySet()) {
        if (!allowed.contains(e.getKey())) {
          throw error(e.getValue(), "unknown field " + shown(e.getKey()) + " in " + field + " (expected one of "
              + allowed + ")");
        }
      }
      return map;
    }

    @SuppressWarnings("unchecked")
    private List<Json.Node> array(Json.Node n, String field) throws ModelFileException {
      if (!(n.value() instanceof List)) {
        throw error(n, "field '" + field + "' must be an array");
      }
      return (List<Json.Node>) n.value();
    }

    private Json.Node required(Map<String, Json.Node> map, String field, Json.Node parent) throws ModelFileException {
      Json.Node n = map.get(field);
      if (n == null) {
        throw error(parent, "missing field '" + field + "'");
      }
      return n;
    }

    private String text(Json.Node n, String field) throws ModelFileException {
      if (!(n.value() instanceof String s)) {
        throw error(n, "field '" + field + "' must be a string, was " + shown(n.value()));
      }
      if (s.length() > MAX_TEXT) {
        throw error(n, "field '" + field + "' must be at most " + MAX_TEXT + " characters, was " + s.length());
      }
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
          // names are printed: an escape code in a model's name would reach the user's terminal
          throw error(n, "field '" + field + "' must not contain control characters, has U+"
              + String.format("%04X", (int) c) + " at character " + (i + 1));
        }
      }
      return s;
    }

    private double number(Json.Node n, String field) throws ModelFileException {
      if (!(n.value() instanceof Double d)) {
        throw error(n, "field '" + field + "' must be a number, was " + shown(n.value()));
      }
      return d;
    }

    /** A value as it appears in a message: a string quoted, a container by kind, never the whole of it. */
    private static String shown(Object v) {
      if (v instanceof Map) {
        return "an object";
      }
      if (v instanceof List) {
        return "an array";
      }
      if (v instanceof String s) {
        StringBuilder b = new StringBuilder("'");
        for (int i = 0; i < Math.min(s.length(), 40); i++) {
          char c = s.charAt(i);
          b.append(Character.isISOControl(c) ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return b.append(s.length() > 40 ? "...'" : "'").toString();
      }
      return String.valueOf(v);
    }

    private double number(Map<String, Json.Node> map, String field, double fallback) throws ModelFileException {
      Json.Node n = map.get(field);
      return n == null ? fallback : number(n, field);
    }

    /** Runs a builder step, turning its validation error into a file error at the node's line. */
    private interface Step {
      void run();
    }

    private void at(Json.Node n, Step step) throws ModelFileException {
      try {
        step.run();
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new ModelFileException(file, n.line(), e.getMessage(), e);
      }
    }

    /** The fields that the model's own checks name, by the start of their message. */
    private static final Map<String, String> FIELD_OF_MESSAGE = Map.of("Invalid value for transfers", "transfers",
        "Invalid value for emptying windows", "emptyingWindows", "Invalid value for observed", "observed",
        "Invalid value for dose inputs", "doses", "Invalid value for compartments", "compartments");

    /**
     * Where a check of the whole model points: the field its message names (the transfers for a compartment
     * with no way out), else the model's start.
     */
    private static Json.Node wholeModelNode(Map<String, Json.Node> m, Json.Node root, String message) {
      for (Map.Entry<String, String> e : FIELD_OF_MESSAGE.entrySet()) {
        if (String.valueOf(message).startsWith(e.getKey()) && m.get(e.getValue()) != null) {
          return m.get(e.getValue());
        }
      }
      return root;
    }

    PkModel model(Json.Node root) throws ModelFileException {
      Map<String, Json.Node> m = object(root, "model", Set.of("name", "doseUnit", "compartments", "transfers",
          "emptyingWindows", "observed", "doses", "savicTransit"));
      PkModel.Builder b = PkModel.builder(text(required(m, "name", root), "name"));
      Json.Node unit = required(m, "doseUnit", root);
      String unitName = text(unit, "doseUnit");
      try {
        b.doseUnit(DoseUnit.valueOf(unitName));
      } catch (IllegalArgumentException e) {
        throw error(unit, "field 'doseUnit' must be MG_MPA or MG_MMF, was '" + unitName + "'");
      }
      for (Json.Node c : array(required(m, "compartments", root), "compartments")) {
        String name = text(c, "compartments");
        at(c, () -> b.compartments(name));
      }
      for (Json.Node t : array(required(m, "transfers", root), "transfers")) {
        Map<String, Json.Node> tm = object(t, "transfer", Set.of("from", "to", "ratePerHour", "windowed"));
        String from = text(required(tm, "from", t), "from");
        double rate = number(required(tm, "ratePerHour", t), "ratePerHour");
        Json.Node windowedNode = tm.get("windowed");
        boolean windowed = windowedNode != null && Boolean.TRUE.equals(windowedNode.value());
        if (windowedNode != null && !(windowedNode.value() instanceof Boolean)) {
          throw error(windowedNode, "field 'windowed' must be true or false");
        }
        if (tm.containsKey("to")) {
          String to = text(tm.get("to"), "to");
          at(t, () -> {
            if (windowed) {
              b.windowedTransfer(from, to, rate);
            } else {
              b.transfer(from, to, rate);
            }
          });
        } else {
          at(t, () -> {
            if (windowed) {
              b.windowedElimination(from, rate);
            } else {
              b.elimination(from, rate);
            }
          });
        }
      }
      Json.Node windowsNode = m.get("emptyingWindows");
      if (windowsNode != null) {
        Map<String, Json.Node> wm = object(windowsNode, "emptyingWindows", Set.of("anchor", "windows"));
        Json.Node anchorNode = required(wm, "anchor", windowsNode);
        EmptyingWindows.Anchor anchor;
        try {
          anchor = EmptyingWindows.Anchor.valueOf(text(anchorNode, "anchor"));
        } catch (IllegalArgumentException e) {
          throw error(anchorNode, "field 'anchor' must be AFTER_EACH_DOSE or CLOCK, was " + anchorNode.value());
        }
        List<Window> windows = new java.util.ArrayList<>();
        for (Json.Node w : array(required(wm, "windows", windowsNode), "windows")) {
          Map<String, Json.Node> ww = object(w, "window", Set.of("startHours", "durationHours"));
          double start = number(required(ww, "startHours", w), "startHours");
          double duration = number(required(ww, "durationHours", w), "durationHours");
          at(w, () -> windows.add(new Window(start, duration)));
        }
        at(windowsNode, () -> b.emptyingWindows(new EmptyingWindows(anchor, windows)));
      }
      for (Json.Node o : array(required(m, "observed", root), "observed")) {
        Map<String, Json.Node> om = object(o, "observed", Set.of("analyte", "compartment", "volumeL"));
        String analyte = text(required(om, "analyte", o), "analyte");
        String compartment = text(required(om, "compartment", o), "compartment");
        double volume = number(required(om, "volumeL", o), "volumeL");
        at(o, () -> b.observe(analyte, compartment, volume));
      }
      Json.Node dosesNode = required(m, "doses", root);
      Map<String, Json.Node> dm = object(dosesNode, "doses", Set.of("MMF", "EC-MPS", "any"));
      for (Map.Entry<String, Json.Node> e : dm.entrySet()) {
        Json.Node in = e.getValue();
        Map<String, Json.Node> im = object(in, "doses." + e.getKey(),
            Set.of("compartment", "bioavailability", "lagHours", "zeroOrderHours"));
        String compartment = text(required(im, "compartment", in), "compartment");
        double f = number(im, "bioavailability", 1);
        double lag = number(im, "lagHours", 0);
        double zero = number(im, "zeroOrderHours", 0);
        at(in, () -> {
          DoseInput input = new DoseInput(compartment, f, lag, zero);
          switch (e.getKey()) {
            case "MMF" -> b.dose(Drug.MYCOPHENOLATE_MOFETIL, input);
            case "EC-MPS" -> b.dose(Drug.MYCOPHENOLATE_SODIUM, input);
            default -> b.doseAny(input);
          }
        });
      }
      Json.Node savicNode = m.get("savicTransit");
      if (savicNode != null) {
        Map<String, Json.Node> sm = object(savicNode, "savicTransit", Set.of("n", "ktrPerHour"));
        double n = number(required(sm, "n", savicNode), "n");
        double ktr = number(required(sm, "ktrPerHour", savicNode), "ktrPerHour");
        at(savicNode, () -> b.savicTransit(new PkModel.SavicTransit(n, ktr)));
      }
      try {
        return b.build();
      } catch (IllegalArgumentException e) {
        throw new ModelFileException(file, wholeModelNode(m, root, e.getMessage()).line(), e.getMessage(), e);
      }
    }
  }
}
