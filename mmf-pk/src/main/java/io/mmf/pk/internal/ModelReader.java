package io.mmf.pk.internal;

import io.mmf.core.drug.Drug;
import io.mmf.core.internal.Checks;
import io.mmf.core.source.Source;
import io.mmf.pk.model.DoseInput;
import io.mmf.pk.model.DoseUnit;
import io.mmf.pk.model.EmptyingWindows;
import io.mmf.pk.model.Expression;
import io.mmf.pk.model.ModelFileException;
import io.mmf.pk.model.ModelFiles;
import io.mmf.pk.model.PkModel;
import io.mmf.pk.model.Window;
import io.mmf.pk.population.FittedPopulation;
import io.mmf.pk.population.OccasionVariability;
import io.mmf.pk.population.RandomEffects;
import io.mmf.pk.population.ResidualError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads a model file (the format of {@link ModelFiles}) into a {@link Parsed} model: its structure with
 * every rate, volume, bioavailability and lag an {@link Expression} of the named parameters, the
 * parameters' covariate relations, and the population sections. One reader serves
 * {@link ModelFiles#read} (the typical subject) and the population loader, so both accept and refuse the
 * same files. Every error names the file, the line and the field.
 */
public final class ModelReader {
  private final Path file;

  private ModelReader(Path file) {
    this.file = file;
  }

  /**
   * Reads a model file from disk.
   *
   * @param file the JSON file, a regular file of at most {@link ModelFiles#MAX_BYTES}
   * @return the parsed model
   * @throws ModelFileException if the file cannot be read, is not JSON, or is not a valid model
   */
  public static Parsed read(Path file) throws ModelFileException {
    Checks.notNull(file, "file");
    return read(file, bytes(file));
  }

  /**
   * Reads a model file from bytes (a bundled resource).
   *
   * @param file the name the messages give
   * @param bytes the document
   * @return the parsed model
   * @throws ModelFileException if it is not JSON or not a valid model
   */
  public static Parsed read(Path file, byte[] bytes) throws ModelFileException {
    Json.Node root;
    try {
      root = Json.parse(bytes);
    } catch (Json.SyntaxException e) {
      throw new ModelFileException(file, e.line(), "not valid JSON: " + e.getMessage(), e);
    }
    return new ModelReader(file).parse(root);
  }

  /** The bytes of a regular file of at most {@link ModelFiles#MAX_BYTES}: a pipe or a device is never opened. */
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
      byte[] b = Files.size(file) > ModelFiles.MAX_BYTES ? null : in.readNBytes(ModelFiles.MAX_BYTES + 1);
      if (b == null || b.length > ModelFiles.MAX_BYTES) {
        throw new ModelFileException(file, 0, "larger than " + ModelFiles.MAX_BYTES / 1024
            + " KiB (expected a model file)", null);
      }
      return b;
    } catch (IOException e) {
      throw new ModelFileException(file, 0, "cannot read the file: " + e.getMessage(), e);
    }
  }

  /** How a parameter's random effect enters: none, P = TV exp(eta), P = TV + eta, logit P = logit TV + eta. */
  public enum Distribution {
    /** No random effect. */
    NONE,
    /** Log-normal: P = TV exp(eta). */
    LOG_NORMAL,
    /** Normal: P = TV + eta. */
    NORMAL,
    /** Logit-normal: P = 1 / (1 + exp(-(logit(TV) + eta))), TV in (0, 1). */
    LOGIT_NORMAL
  }

  /**
   * A covariate the model uses.
   *
   * @param name its name, e.g. {@code albuminGPerL}
   * @param unit its unit, as the file gives it ("" for a category)
   * @param reference the value at which every relation's factor is 1
   * @param min lowest accepted value
   * @param max highest accepted value
   * @param line where the file declares it
   */
  public record Covariate(String name, String unit, double reference, double min, double max, int line) {}

  /** The factor of one covariate on a parameter's typical value, 1 at the covariate's reference. */
  private interface Relation {
    double factor(double value);
  }

  /** A model file, parsed and checked: the structure, the parameters and what the population sections say. */
  public static final class Parsed {
    private final Path file;
    private final String name;
    private final Source source;
    private final FittedPopulation fittedOn;
    private final List<String> parameters;
    private final List<String> units;
    private final double[] typical;
    private final Distribution[] distributions;
    private final int[] etaOf;
    private final List<Covariate> covariates;
    private final int[][] relationCovariate;
    private final Relation[][] relations;
    private final RandomEffects randomEffects;
    private final OccasionVariability occasions;
    private final int[] kappaOf;
    private final Map<String, ResidualError> residualErrors;
    private final List<Step> steps;
    private final int rootLine;
    private final Map<String, Integer> fieldLines;
    private final PkModel typicalModel;

    private Parsed(ModelReader r, Builder b) throws ModelFileException {
      this.file = r.file;
      this.name = b.name;
      this.source = b.source;
      this.fittedOn = b.fittedOn;
      this.parameters = List.copyOf(b.parameters);
      this.units = List.copyOf(b.units);
      this.typical = b.typical.stream().mapToDouble(Double::doubleValue).toArray();
      this.distributions = b.distributions.toArray(new Distribution[0]);
      this.etaOf = b.etaOf;
      this.covariates = List.copyOf(b.covariates.values());
      this.relationCovariate = b.relationCovariate.toArray(new int[0][]);
      this.relations = b.relations.toArray(new Relation[0][]);
      this.randomEffects = b.randomEffects;
      this.occasions = b.occasions;
      this.kappaOf = b.kappaOf;
      this.residualErrors = Collections.unmodifiableMap(new LinkedHashMap<>(b.residualErrors));
      this.steps = List.copyOf(b.steps);
      this.rootLine = b.rootLine;
      this.fieldLines = Map.copyOf(b.fieldLines);
      PkModel model;
      try {
        model = model(typical(referenceCovariates()));
      } catch (LineException e) {
        throw new ModelFileException(file, e.line, e.getCause().getMessage(), e.getCause());
      } catch (IllegalArgumentException e) {
        throw new ModelFileException(file, rootLine, "at the reference covariates: " + e.getMessage(), e);
      }
      this.typicalModel = model;
    }

    /**
     * Returns the model's name.
     *
     * @return the name
     */
    public String name() {
      return name;
    }

    /**
     * Returns the file the model was read from (or the resource's name).
     *
     * @return the path
     */
    public Path file() {
      return file;
    }

    /**
     * Returns the citation of the model ("source"), or a note that the file names none.
     *
     * @return the source
     */
    public Source source() {
      return source;
    }

    /**
     * Returns whom the model was fitted on ("population").
     *
     * @return the population
     */
    public FittedPopulation fittedOn() {
      return fittedOn;
    }

    /**
     * Returns the parameter names, in the order the file declares them.
     *
     * @return the names
     */
    public List<String> parameters() {
      return parameters;
    }

    /**
     * Returns the parameters' units, as the file gives them.
     *
     * @return one unit per parameter
     */
    public List<String> units() {
      return units;
    }

    /**
     * Returns the covariates, in the order the file declares them.
     *
     * @return the covariates
     */
    public List<Covariate> covariates() {
      return covariates;
    }

    /**
     * The reference value of every covariate.
     *
     * @return name to reference value, in declaration order
     */
    public Map<String, Double> referenceCovariates() {
      Map<String, Double> m = new LinkedHashMap<>();
      covariates.forEach(c -> m.put(c.name(), c.reference()));
      return m;
    }

    /**
     * Returns the random effects, if the file has a {@code variability} section.
     *
     * @return the random effects, or empty
     */
    public Optional<RandomEffects> randomEffects() {
      return Optional.ofNullable(randomEffects);
    }

    /**
     * Returns the between-occasion variability, if the file has an {@code occasions} section.
     *
     * @return the variability, or empty
     */
    public Optional<OccasionVariability> occasions() {
      return Optional.ofNullable(occasions);
    }

    /**
     * Returns how each random effect enters its parameter, in the order of {@link #randomEffects()}.
     *
     * @return {@code log-normal}, {@code normal} or {@code logit-normal}, one per random effect
     */
    public List<String> etaDistributions() {
      List<String> out = new ArrayList<>();
      for (int i : etaOf) {
        out.add(distributions[i].name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      }
      return List.copyOf(out);
    }

    /**
     * Returns the residual error of each analyte that has one.
     *
     * @return analyte name to error model
     */
    public Map<String, ResidualError> residualErrors() {
      return residualErrors;
    }

    /**
     * The typical subject at the reference covariates: what {@link ModelFiles#read} returns.
     *
     * @return the model
     */
    public PkModel typicalModel() {
      return typicalModel;
    }

    /**
     * The typical parameter values of a subject with these covariates.
     *
     * @param values a value for every covariate (others ignored)
     * @return one value per parameter
     * @throws IllegalArgumentException if a covariate is missing or outside its range, naming it
     */
    public double[] typical(Map<String, Double> values) {
      Checks.notNull(values, "covariates");
      double[] c = new double[covariates.size()];
      for (int k = 0; k < c.length; k++) {
        Covariate cov = covariates.get(k);
        Double v = values.get(cov.name());
        if (v == null) {
          throw new IllegalArgumentException(Checks.invalid("covariates", "a value for '" + cov.name() + "' ("
              + name + ")", values.keySet()));
        }
        if (!(v >= cov.min() && v <= cov.max())) {
          throw new IllegalArgumentException(Checks.invalid("covariate " + cov.name(), "finite and in [" + cov.min()
              + ", " + cov.max() + "]" + (cov.unit().isEmpty() ? "" : " " + cov.unit()), v));
        }
        c[k] = v;
      }
      double[] tv = typical.clone();
      for (int p = 0; p < tv.length; p++) {
        for (int j = 0; j < relations[p].length; j++) {
          tv[p] *= relations[p][j].factor(c[relationCovariate[p][j]]);
        }
      }
      return tv;
    }

    /**
     * An individual's parameter values.
     *
     * @param typical the typical values ({@link #typical})
     * @param eta random effects, in the order of {@link #randomEffects()}
     * @return one value per parameter
     * @throws IllegalArgumentException if {@code eta} has the wrong length
     */
    public double[] individual(double[] typical, double[] eta) {
      return individual(typical, eta, new double[kappaOf.length]);
    }

    /**
     * An individual's parameter values on one occasion: each parameter's eta and kappa add on the scale
     * of its distribution (P = TV exp(eta + kappa) for a log-normal one). With kappa all 0 the values
     * are exactly {@link #individual(double[], double[])}'s.
     *
     * @param typical the typical values ({@link #typical})
     * @param eta random effects, in the order of {@link #randomEffects()}
     * @param kappa the occasion's random effects, in the order of {@link #occasions()} (empty without it)
     * @return one value per parameter
     * @throws IllegalArgumentException if an array has the wrong length
     */
    public double[] individual(double[] typical, double[] eta, double[] kappa) {
      if (eta.length != etaOf.length) {
        throw new IllegalArgumentException(Checks.invalid("eta", etaOf.length + " values", eta.length));
      }
      if (kappa.length != kappaOf.length) {
        throw new IllegalArgumentException(Checks.invalid("kappa", kappaOf.length + " values", kappa.length));
      }
      double[] p = typical.clone();
      double[] offset = new double[typical.length];
      boolean[] random = new boolean[typical.length];
      for (int k = 0; k < etaOf.length; k++) {
        offset[etaOf[k]] = eta[k];
        random[etaOf[k]] = true;
      }
      for (int k = 0; k < kappaOf.length; k++) {
        // a parameter with kappa alone keeps its typical value, bit for bit, on a kappa of 0
        random[kappaOf[k]] |= kappa[k] != 0;
        offset[kappaOf[k]] += kappa[k];
      }
      for (int i = 0; i < p.length; i++) {
        if (!random[i]) {
          continue;
        }
        double h = offset[i];
        p[i] = switch (distributions[i]) {
          case LOG_NORMAL -> typical[i] * Math.exp(h);
          case NORMAL -> typical[i] + h;
          case LOGIT_NORMAL -> 1 / (1 + Math.exp(-(Math.log(typical[i] / (1 - typical[i])) + h)));
          case NONE -> typical[i];
        };
      }
      return p;
    }

    /**
     * The model with these parameter values: every expression evaluated, the structure built and checked.
     *
     * @param values one value per parameter
     * @return the model
     * @throws IllegalArgumentException if a value makes the model invalid (a negative rate, a volume out of
     *     range); the message names the file and the line of the field
     */
    public PkModel model(double[] values) {
      PkModel.Builder b = PkModel.builder(name);
      for (Step s : steps) {
        try {
          s.apply(b, values);
        } catch (LineException e) {
          throw e;
        } catch (IllegalArgumentException | NullPointerException e) {
          throw new LineException(file, s.line(), e);
        }
      }
      try {
        return b.build();
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new LineException(file, wholeModelLine(e.getMessage()), e);
      }
    }

    /**
     * Where a check of the whole model points: the line of the field its message names (the transfers for
     * a compartment with no way out), else the model's start.
     */
    private int wholeModelLine(String message) {
      for (Map.Entry<String, String> e : FIELD_OF_MESSAGE.entrySet()) {
        Integer line = fieldLines.get(e.getValue());
        if (line != null && String.valueOf(message).startsWith(e.getKey())) {
          return line;
        }
      }
      return rootLine;
    }
  }

  /** The fields that the model's own checks name, by the start of their message. */
  private static final Map<String, String> FIELD_OF_MESSAGE = Map.of("Invalid value for transfers", "transfers",
      "Invalid value for emptying windows", "emptyingWindows", "Invalid value for observed", "observed",
      "Invalid value for dose inputs", "doses", "Invalid value for compartments", "compartments");

  /** A model that the values make invalid, at a line of the file. */
  private static final class LineException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int line;

    LineException(Path file, int line, RuntimeException cause) {
      super(file + ":" + line + ": " + cause.getMessage(), cause);
      this.line = line;
    }
  }

  /** One builder call of the structure, replayed for each set of parameter values. */
  private interface Action {
    void apply(PkModel.Builder b, double[] values);
  }

  private record Step(int line, Action action) {
    void apply(PkModel.Builder b, double[] values) {
      action.apply(b, values);
    }
  }

  /** What the sections give, before the checks that need all of them. */
  private static final class Builder {
    String name;
    Source source;
    FittedPopulation fittedOn = FittedPopulation.patients("a population not stated by the model");
    final List<String> parameters = new ArrayList<>();
    final List<String> units = new ArrayList<>();
    final List<Double> typical = new ArrayList<>();
    final List<Distribution> distributions = new ArrayList<>();
    int[] etaOf = new int[0];
    final Map<String, Covariate> covariates = new LinkedHashMap<>();
    final List<int[]> relationCovariate = new ArrayList<>();
    final List<Relation[]> relations = new ArrayList<>();
    RandomEffects randomEffects;
    OccasionVariability occasions;
    int[] kappaOf = new int[0];
    final Map<String, ResidualError> residualErrors = new LinkedHashMap<>();
    final List<Step> steps = new ArrayList<>();
    int rootLine;
    /** The line of each top-level field, for the checks of the whole model. */
    final Map<String, Integer> fieldLines = new LinkedHashMap<>();
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
    if (allowed != null) {
      for (Map.Entry<String, Json.Node> e : map.entrySet()) {
        if (!allowed.contains(e.getKey())) {
          throw error(e.getValue(), "unknown field " + shown(e.getKey()) + " in " + field + " (expected one of "
              + allowed + ")");
        }
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

  /** Longest citation or population description, characters. */
  private static final int MAX_PROSE = 1000;

  private String text(Json.Node n, String field) throws ModelFileException {
    return text(n, field, ModelFiles.MAX_TEXT);
  }

  private String text(Json.Node n, String field, int maxLength) throws ModelFileException {
    if (!(n.value() instanceof String s)) {
      throw error(n, "field '" + field + "' must be a string, was " + shown(n.value()));
    }
    if (s.length() > maxLength) {
      throw error(n, "field '" + field + "' must be at most " + maxLength + " characters, was " + s.length());
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

  private Optional<String> text(Map<String, Json.Node> map, String field) throws ModelFileException {
    Json.Node n = map.get(field);
    return n == null ? Optional.empty() : Optional.of(text(n, field));
  }

  private double number(Json.Node n, String field) throws ModelFileException {
    if (!(n.value() instanceof Double d)) {
      throw error(n, "field '" + field + "' must be a number, was " + shown(n.value()));
    }
    return d;
  }

  private double number(Map<String, Json.Node> map, String field, double fallback) throws ModelFileException {
    Json.Node n = map.get(field);
    return n == null ? fallback : number(n, field);
  }

  private boolean flag(Map<String, Json.Node> map, String field) throws ModelFileException {
    Json.Node n = map.get(field);
    if (n != null && !(n.value() instanceof Boolean)) {
      throw error(n, "field '" + field + "' must be true or false");
    }
    return n != null && (Boolean) n.value();
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

  /** Runs a validating step, turning its error into a file error at the node's line. */
  private interface Check {
    void run();
  }

  private void at(Json.Node n, Check check) throws ModelFileException {
    try {
      check.run();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ModelFileException(file, n.line(), e.getMessage(), e);
    }
  }

  /**
   * A number field, or (when the file declares parameters) an expression of them: a number is a
   * constant, so a file without parameters reads exactly as numbers.
   */
  private Expression value(Json.Node n, String field, List<String> parameters) throws ModelFileException {
    if (n.value() instanceof String s && !parameters.isEmpty()) {
      try {
        return Expression.parse(text(n, field), parameters);
      } catch (Expression.SyntaxException e) {
        throw error(n, "field '" + field + "': " + e.getMessage());
      }
    }
    return Expression.constant(number(n, field));
  }

  private Expression value(Map<String, Json.Node> map, String field, double fallback, List<String> parameters)
      throws ModelFileException {
    Json.Node n = map.get(field);
    return n == null ? Expression.constant(fallback) : value(n, field, parameters);
  }

  private static final Set<String> TOP = Set.of("name", "doseUnit", "compartments", "transfers", "emptyingWindows",
      "observed", "doses", "savicTransit", "gammaInput", "source", "population", "covariates", "parameters",
      "variability", "occasions", "residualError");

  private Parsed parse(Json.Node root) throws ModelFileException {
    Map<String, Json.Node> m = object(root, "model", TOP);
    Builder p = new Builder();
    p.rootLine = root.line();
    m.forEach((field, node) -> p.fieldLines.put(field, node.line()));
    p.name = text(required(m, "name", root), "name");
    p.source = new Source("model-file", "model file " + file.getFileName() + " (the file names no source)",
        Source.Verification.RECALLED);
    if (m.containsKey("source")) {
      source(m.get("source"), p);
    }
    if (m.containsKey("population")) {
      population(m.get("population"), p);
    }
    if (m.containsKey("covariates")) {
      covariates(m.get("covariates"), p);
    }
    if (m.containsKey("parameters")) {
      parameters(m.get("parameters"), p);
    }
    structure(root, m, p);
    List<Distribution> declared = List.copyOf(p.distributions);
    if (m.containsKey("variability")) {
      variability(m.get("variability"), p);
    }
    if (m.containsKey("occasions")) {
      occasions(m.get("occasions"), p);
    }
    for (int i = 0; i < declared.size(); i++) {
      int k = i;
      boolean random = java.util.Arrays.stream(p.etaOf).anyMatch(e -> e == k)
          || java.util.Arrays.stream(p.kappaOf).anyMatch(e -> e == k);
      if (declared.get(i) != Distribution.NONE && !random) {
        throw !m.containsKey("variability") && !m.containsKey("occasions")
            ? error(m.get("parameters"), "parameter '" + p.parameters.get(i) + "' has a 'distribution' but the"
                + " file has no 'variability' section")
            : error(m.getOrDefault("variability", m.get("occasions")), "parameter '" + p.parameters.get(i)
                + "' has a 'distribution' but is not in variability or occasions");
      }
    }
    if (m.containsKey("residualError")) {
      residualErrors(m.get("residualError"), m, p);
    }
    return new Parsed(this, p);
  }

  private void source(Json.Node n, Builder p) throws ModelFileException {
    Map<String, Json.Node> s = object(n, "source", Set.of("id", "citation", "verification"));
    String id = text(required(s, "id", n), "id");
    String citation = text(required(s, "citation", n), "citation", MAX_PROSE);
    Json.Node v = required(s, "verification", n);
    String vText = text(v, "verification");
    Source.Verification verification;
    try {
      verification = Source.Verification.valueOf(vText);
    } catch (IllegalArgumentException e) {
      throw error(v, "field 'verification' must be READ, READ_SECONDARY or RECALLED, was " + shown(vText));
    }
    at(n, () -> p.source = new Source(id, citation, verification));
  }

  private void population(Json.Node n, Builder p) throws ModelFileException {
    Map<String, Json.Node> s = object(n, "population", Set.of("description", "disease", "transplant", "coMedication",
        "ageYears", "formulation", "assay", "healthyVolunteers", "singleDose", "steadyStateIntervalOnly"));
    String description = text(required(s, "description", n), "description", MAX_PROSE);
    List<String> coMedication = new ArrayList<>();
    if (s.containsKey("coMedication")) {
      for (Json.Node c : array(s.get("coMedication"), "coMedication")) {
        coMedication.add(text(c, "coMedication"));
      }
    }
    OptionalDouble min = OptionalDouble.empty();
    OptionalDouble max = OptionalDouble.empty();
    if (s.containsKey("ageYears")) {
      Json.Node a = s.get("ageYears");
      Map<String, Json.Node> am = object(a, "ageYears", Set.of("min", "max"));
      min = am.containsKey("min") ? OptionalDouble.of(number(am.get("min"), "min")) : min;
      max = am.containsKey("max") ? OptionalDouble.of(number(am.get("max"), "max")) : max;
    }
    OptionalDouble minAge = min;
    OptionalDouble maxAge = max;
    Optional<String> disease = text(s, "disease");
    Optional<String> transplant = text(s, "transplant");
    Optional<String> formulation = text(s, "formulation");
    Optional<String> assay = text(s, "assay");
    boolean healthy = flag(s, "healthyVolunteers");
    boolean single = flag(s, "singleDose");
    boolean interval = flag(s, "steadyStateIntervalOnly");
    at(n, () -> p.fittedOn = new FittedPopulation(description, healthy, single, interval,
        new FittedPopulation.Details(disease, transplant, coMedication, minAge, maxAge, formulation, assay)));
  }

  private void covariates(Json.Node n, Builder p) throws ModelFileException {
    for (Map.Entry<String, Json.Node> e : object(n, "covariates", null).entrySet()) {
      Json.Node c = e.getValue();
      String name = identifier(e.getKey(), c, "covariate");
      Map<String, Json.Node> cm = object(c, "covariates." + name, Set.of("unit", "reference", "min", "max"));
      String unit = text(required(cm, "unit", c), "unit");
      double reference = number(required(cm, "reference", c), "reference");
      double min = number(cm, "min", Double.NEGATIVE_INFINITY);
      double max = number(cm, "max", Double.POSITIVE_INFINITY);
      if (!(min <= max) || !(reference >= min && reference <= max) || !Double.isFinite(reference)) {
        throw error(c, "covariate '" + name + "': reference " + reference + " must be finite and in [min, max] = ["
            + min + ", " + max + "]");
      }
      p.covariates.put(name, new Covariate(name, unit, reference, min, max, c.line()));
    }
  }

  private String identifier(String name, Json.Node at, String what) throws ModelFileException {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,63}") || Set.of("exp", "log", "sqrt").contains(name)) {
      throw error(at, what + " name " + shown(name) + " must be a letter or '_' followed by letters, digits or '_'"
          + " (at most 64), and not exp, log or sqrt");
    }
    return name;
  }

  private void parameters(Json.Node n, Builder p) throws ModelFileException {
    List<String> covariateNames = List.copyOf(p.covariates.keySet());
    for (Map.Entry<String, Json.Node> e : object(n, "parameters", null).entrySet()) {
      Json.Node pn = e.getValue();
      String name = identifier(e.getKey(), pn, "parameter");
      Map<String, Json.Node> pm = object(pn, "parameters." + name, Set.of("unit", "typical", "covariates",
          "distribution"));
      String unit = text(required(pm, "unit", pn), "unit");
      Json.Node tn = required(pm, "typical", pn);
      double typical = number(tn, "typical");
      if (!Double.isFinite(typical)) {
        throw error(tn, "field 'typical' of parameter '" + name + "' must be finite, was " + typical);
      }
      Distribution d = Distribution.NONE;
      if (pm.containsKey("distribution")) {
        Json.Node dn = pm.get("distribution");
        String dt = text(dn, "distribution");
        d = switch (dt) {
          case "log-normal" -> Distribution.LOG_NORMAL;
          case "normal" -> Distribution.NORMAL;
          case "logit-normal" -> Distribution.LOGIT_NORMAL;
          default -> throw error(dn, "field 'distribution' must be log-normal, normal or logit-normal, was "
              + shown(dt));
        };
      }
      List<Relation> rel = new ArrayList<>();
      List<Integer> relCov = new ArrayList<>();
      if (pm.containsKey("covariates")) {
        for (Json.Node r : array(pm.get("covariates"), "covariates")) {
          Map<String, Json.Node> rm = object(r, "parameters." + name + ".covariates", Set.of("covariate", "effect",
              "coefficient", "factors"));
          Json.Node cn = required(rm, "covariate", r);
          String cov = text(cn, "covariate");
          int ci = covariateNames.indexOf(cov);
          if (ci < 0) {
            throw error(cn, "unknown covariate " + shown(cov) + " in parameter '" + name + "' (expected one declared"
                + " in 'covariates': " + covariateNames + ")");
          }
          Covariate c = p.covariates.get(cov);
          rel.add(relation(r, rm, c, name));
          relCov.add(ci);
        }
      }
      p.parameters.add(name);
      p.units.add(unit);
      p.typical.add(typical);
      p.distributions.add(d);
      p.relations.add(rel.toArray(new Relation[0]));
      p.relationCovariate.add(relCov.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  private Relation relation(Json.Node r, Map<String, Json.Node> rm, Covariate c, String parameter)
      throws ModelFileException {
    Json.Node en = required(rm, "effect", r);
    String effect = text(en, "effect");
    double ref = c.reference();
    String cov = c.name();
    if (effect.equals("categorical")) {
      if (rm.containsKey("coefficient")) {
        throw error(rm.get("coefficient"), "a categorical effect takes 'factors', not 'coefficient'");
      }
      Json.Node fn = required(rm, "factors", r);
      Map<String, Json.Node> fm = object(fn, "factors", null);
      double[] levels = new double[fm.size()];
      double[] factors = new double[fm.size()];
      int k = 0;
      for (Map.Entry<String, Json.Node> e : fm.entrySet()) {
        try {
          levels[k] = Double.parseDouble(e.getKey());
        } catch (NumberFormatException x) {
          levels[k] = Double.NaN;
        }
        if (!Double.isFinite(levels[k])) {
          throw error(e.getValue(), "category " + shown(e.getKey()) + " of covariate '" + cov + "' must be a finite"
              + " number");
        }
        factors[k] = number(e.getValue(), "factors." + e.getKey());
        if (!(factors[k] > 0) || !Double.isFinite(factors[k])) {
          throw error(e.getValue(), "factor of category " + e.getKey() + " must be finite and > 0, was " + factors[k]);
        }
        k++;
      }
      boolean hasReference = false;
      for (double l : levels) {
        hasReference |= l == ref;
      }
      if (!hasReference) {
        throw error(fn, "the factors of covariate '" + cov + "' on '" + parameter + "' must include its reference "
            + ref);
      }
      return v -> {
        for (int i = 0; i < levels.length; i++) {
          if (levels[i] == v) {
            return factors[i];
          }
        }
        throw new IllegalArgumentException(Checks.invalid("covariate " + cov, "one of the categories "
            + java.util.Arrays.toString(levels), v));
      };
    }
    if (rm.containsKey("factors")) {
      throw error(rm.get("factors"), "a " + effect + " effect takes 'coefficient', not 'factors'");
    }
    Json.Node kn = required(rm, "coefficient", r);
    double k = number(kn, "coefficient");
    if (!Double.isFinite(k)) {
      throw error(kn, "field 'coefficient' must be finite, was " + k);
    }
    switch (effect) {
      case "power":
        if (!(ref > 0)) {
          throw error(r, "a power effect needs covariate '" + cov + "' to have a reference > 0, was " + ref);
        }
        return v -> {
          if (!(v > 0)) {
            throw new IllegalArgumentException(Checks.invalid("covariate " + cov, "> 0 (a power effect on "
                + parameter + ")", v));
          }
          return Math.pow(v / ref, k);
        };
      case "exponential":
        return v -> Math.exp(k * (v - ref));
      case "linear":
        return v -> {
          double f = 1 + k * (v - ref);
          if (!(f > 0)) {
            throw new IllegalArgumentException(Checks.invalid("covariate " + cov, "a value at which the linear"
                + " factor 1 + " + k + " (" + cov + " - " + ref + ") on " + parameter + " is > 0", v));
          }
          return f;
        };
      default:
        throw error(en, "field 'effect' must be power, exponential, linear or categorical, was " + shown(effect));
    }
  }

  private void variability(Json.Node n, Builder p) throws ModelFileException {
    Map<String, Json.Node> vm = object(n, "variability", Set.of("parameters", "omega"));
    List<String> names = new ArrayList<>();
    List<Integer> index = new ArrayList<>();
    randomParameters(required(vm, "parameters", n), "variability", p, names, index);
    Json.Node on = required(vm, "omega", n);
    double[][] omega = matrix(on, "omega");
    at(on, () -> p.randomEffects = RandomEffects.of(names, omega));
    p.etaOf = index.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The parameters of a random-effects section, each declared once in {@code parameters} and once here
   * (log-normal unless its {@code distribution} says otherwise): names and indices appended.
   */
  private void randomParameters(Json.Node list, String section, Builder p, List<String> names, List<Integer> index)
      throws ModelFileException {
    for (Json.Node e : array(list, section + ".parameters")) {
      String name = text(e, section + ".parameters");
      int i = p.parameters.indexOf(name);
      if (i < 0) {
        throw error(e, "unknown parameter " + shown(name) + " in " + section + " (expected one of " + p.parameters
            + ")");
      }
      if (names.contains(name)) {
        throw error(e, "parameter '" + name + "' is twice in " + section);
      }
      if (p.distributions.get(i) == Distribution.NONE) {
        p.distributions.set(i, Distribution.LOG_NORMAL);
      }
      names.add(name);
      index.add(i);
    }
  }

  /** A matrix of numbers, row by row; each entry's error names its row and column (from 1). */
  private double[][] matrix(Json.Node on, String field) throws ModelFileException {
    List<Json.Node> rows = array(on, field);
    double[][] omega = new double[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      List<Json.Node> row = array(rows.get(i), field + " row " + (i + 1));
      omega[i] = new double[row.size()];
      for (int j = 0; j < row.size(); j++) {
        omega[i][j] = number(row.get(j), field + "[" + (i + 1) + "][" + (j + 1) + "]");
      }
    }
    return omega;
  }

  /**
   * The {@code occasions} section: {@code definition} ({@code dose}, {@code day} or {@code column}),
   * {@code column} (for {@code column}), {@code parameters} and their covariance {@code omega}.
   */
  private void occasions(Json.Node n, Builder p) throws ModelFileException {
    Map<String, Json.Node> om = object(n, "occasions", Set.of("definition", "column", "parameters", "omega"));
    Json.Node dn = required(om, "definition", n);
    String dt = text(dn, "occasions.definition");
    OccasionVariability.Definition definition = switch (dt) {
      case "dose" -> OccasionVariability.Definition.DOSE;
      case "day" -> OccasionVariability.Definition.DAY;
      case "column" -> OccasionVariability.Definition.COLUMN;
      default -> throw error(dn, "field 'occasions.definition' must be dose, day or column, was " + shown(dt));
    };
    String column = null;
    if (definition == OccasionVariability.Definition.COLUMN) {
      column = identifier(text(required(om, "column", n), "occasions.column"), om.get("column"), "occasion column");
    } else if (om.containsKey("column")) {
      throw error(om.get("column"), "field 'occasions.column' belongs to the definition column, not " + dt);
    }
    List<String> names = new ArrayList<>();
    List<Integer> index = new ArrayList<>();
    randomParameters(required(om, "parameters", n), "occasions", p, names, index);
    Json.Node on = required(om, "omega", n);
    double[][] omega = matrix(on, "occasions.omega");
    String col = column;
    at(on, () -> p.occasions = OccasionVariability.of(names, omega, definition, col));
    p.kappaOf = index.stream().mapToInt(Integer::intValue).toArray();
  }

  private void residualErrors(Json.Node n, Map<String, Json.Node> m, Builder p) throws ModelFileException {
    // structure() has read "observed": every entry is an object with a string analyte
    List<String> analytes = new ArrayList<>();
    for (Json.Node o : array(m.get("observed"), "observed")) {
      analytes.add(text(object(o, "observed", null).get("analyte"), "analyte"));
    }
    for (Map.Entry<String, Json.Node> e : object(n, "residualError", null).entrySet()) {
      Json.Node r = e.getValue();
      if (!analytes.contains(e.getKey())) {
        throw error(r, "residual error for " + shown(e.getKey()) + ", which is not an observed analyte "
            + analytes);
      }
      Map<String, Json.Node> rm = object(r, "residualError." + e.getKey(), Set.of("model", "additiveMgPerL",
          "proportional", "sd"));
      Json.Node mn = required(rm, "model", r);
      String model = text(mn, "model");
      Set<String> needs = switch (model) {
        case "additive" -> Set.of("additiveMgPerL");
        case "proportional" -> Set.of("proportional");
        case "combined" -> Set.of("additiveMgPerL", "proportional");
        case "exponential" -> Set.of("sd");
        default -> throw error(mn, "field 'model' must be additive, proportional, combined or exponential, was "
            + shown(model));
      };
      for (String f : rm.keySet()) {
        if (!f.equals("model") && !needs.contains(f)) {
          throw error(rm.get(f), "field '" + f + "' does not belong to a " + model + " error (expected " + needs
              + ")");
        }
      }
      for (String f : needs) {
        required(rm, f, r);
      }
      double add = number(rm, "additiveMgPerL", 0);
      double prop = number(rm, "proportional", 0);
      double sd = number(rm, "sd", 0);
      at(r, () -> p.residualErrors.put(e.getKey(), new ResidualError(add, prop, sd)));
    }
  }

  private void structure(Json.Node root, Map<String, Json.Node> m, Builder p) throws ModelFileException {
    List<String> params = List.copyOf(p.parameters);
    List<Step> steps = p.steps;
    Json.Node unit = required(m, "doseUnit", root);
    String unitName = text(unit, "doseUnit");
    DoseUnit doseUnit;
    try {
      doseUnit = DoseUnit.valueOf(unitName);
    } catch (IllegalArgumentException e) {
      throw error(unit, "field 'doseUnit' must be MG_MPA or MG_MMF, was '" + unitName + "'");
    }
    steps.add(new Step(unit.line(), (b, v) -> b.doseUnit(doseUnit)));
    for (Json.Node c : array(required(m, "compartments", root), "compartments")) {
      String name = text(c, "compartments");
      steps.add(new Step(c.line(), (b, v) -> b.compartments(name)));
    }
    for (Json.Node t : array(required(m, "transfers", root), "transfers")) {
      Map<String, Json.Node> tm = object(t, "transfer", Set.of("from", "to", "ratePerHour", "windowed"));
      String from = text(required(tm, "from", t), "from");
      Expression rate = value(required(tm, "ratePerHour", t), "ratePerHour", params);
      boolean windowed = flag(tm, "windowed");
      String to = tm.containsKey("to") ? text(tm.get("to"), "to") : null;
      steps.add(new Step(t.line(), (b, v) -> {
        double k = rate.evaluate(v);
        if (to != null) {
          if (windowed) {
            b.windowedTransfer(from, to, k);
          } else {
            b.transfer(from, to, k);
          }
        } else if (windowed) {
          b.windowedElimination(from, k);
        } else {
          b.elimination(from, k);
        }
      }));
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
      List<Window> windows = new ArrayList<>();
      for (Json.Node w : array(required(wm, "windows", windowsNode), "windows")) {
        Map<String, Json.Node> ww = object(w, "window", Set.of("startHours", "durationHours"));
        double start = number(required(ww, "startHours", w), "startHours");
        double duration = number(required(ww, "durationHours", w), "durationHours");
        at(w, () -> windows.add(new Window(start, duration)));
      }
      EmptyingWindows[] ew = new EmptyingWindows[1];
      at(windowsNode, () -> ew[0] = new EmptyingWindows(anchor, windows));
      steps.add(new Step(windowsNode.line(), (b, v) -> b.emptyingWindows(ew[0])));
    }
    for (Json.Node o : array(required(m, "observed", root), "observed")) {
      Map<String, Json.Node> om = object(o, "observed", Set.of("analyte", "compartment", "volumeL", "offsetMgPerL"));
      String analyte = text(required(om, "analyte", o), "analyte");
      String compartment = text(required(om, "compartment", o), "compartment");
      Expression volume = value(required(om, "volumeL", o), "volumeL", params);
      Json.Node offsetNode = om.get("offsetMgPerL");
      if (offsetNode == null) {
        steps.add(new Step(o.line(), (b, v) -> b.observe(analyte, compartment, volume.evaluate(v))));
        continue;
      }
      if (!p.fittedOn.steadyStateIntervalOnly()) {
        throw error(offsetNode, "field 'offsetMgPerL' (a constant baseline concentration of " + analyte + ") makes"
            + " exposure not proportional to dose, so the model covers one steady-state interval only: declare"
            + " \"steadyStateIntervalOnly\": true in 'population'");
      }
      Expression offset = value(offsetNode, "offsetMgPerL", params);
      // the volume's errors point at the entry, the baseline's at its own line
      int offsetLine = offsetNode.line();
      steps.add(new Step(o.line(), (b, v) -> {
        double volumeL = volume.evaluate(v);
        double c0 = offset.evaluate(v);
        try {
          b.observe(analyte, compartment, volumeL, c0);
        } catch (IllegalArgumentException e) {
          if (String.valueOf(e.getMessage()).startsWith("Invalid value for offset")) {
            throw new LineException(file, offsetLine, e);
          }
          throw e;
        }
      }));
    }
    Json.Node dosesNode = required(m, "doses", root);
    Map<String, Json.Node> dm = object(dosesNode, "doses", Set.of("MMF", "EC-MPS", "any"));
    for (Map.Entry<String, Json.Node> e : dm.entrySet()) {
      Json.Node in = e.getValue();
      Map<String, Json.Node> im = object(in, "doses." + e.getKey(),
          Set.of("compartment", "bioavailability", "lagHours", "zeroOrderHours"));
      String compartment = text(required(im, "compartment", in), "compartment");
      Expression f = value(im, "bioavailability", 1, params);
      Expression lag = value(im, "lagHours", 0, params);
      Expression zero = value(im, "zeroOrderHours", 0, params);
      String key = e.getKey();
      steps.add(new Step(in.line(), (b, v) -> {
        DoseInput input = new DoseInput(compartment, f.evaluate(v), lag.evaluate(v), zero.evaluate(v));
        switch (key) {
          case "MMF" -> b.dose(Drug.MYCOPHENOLATE_MOFETIL, input);
          case "EC-MPS" -> b.dose(Drug.MYCOPHENOLATE_SODIUM, input);
          default -> b.doseAny(input);
        }
      }));
    }
    Json.Node savicNode = m.get("savicTransit");
    if (savicNode != null) {
      Map<String, Json.Node> sm = object(savicNode, "savicTransit", Set.of("n", "ktrPerHour"));
      Expression n = value(required(sm, "n", savicNode), "n", params);
      Expression ktr = value(required(sm, "ktrPerHour", savicNode), "ktrPerHour", params);
      steps.add(new Step(savicNode.line(), (b, v) -> b.savicTransit(new PkModel.SavicTransit(n.evaluate(v),
          ktr.evaluate(v)))));
    }
    Json.Node gammaNode = m.get("gammaInput");
    if (gammaNode != null) {
      if (savicNode != null) {
        throw error(gammaNode, "a model takes 'savicTransit' or 'gammaInput', not both (a Savic chain is one gamma"
            + " law)");
      }
      List<Expression[]> laws = new ArrayList<>();
      for (Json.Node l : array(gammaNode, "gammaInput")) {
        Map<String, Json.Node> lm = object(l, "gammaInput", Set.of("fraction", "shape", "ratePerHour"));
        laws.add(new Expression[] {value(lm, "fraction", 1, params), value(required(lm, "shape", l), "shape", params),
            value(required(lm, "ratePerHour", l), "ratePerHour", params)});
      }
      if (laws.isEmpty()) {
        throw error(gammaNode, "field 'gammaInput' must hold at least one law");
      }
      steps.add(new Step(gammaNode.line(), (b, v) -> {
        PkModel.GammaLaw[] g = new PkModel.GammaLaw[laws.size()];
        for (int i = 0; i < g.length; i++) {
          Expression[] e = laws.get(i);
          g[i] = new PkModel.GammaLaw(e[0].evaluate(v), e[1].evaluate(v), e[2].evaluate(v));
        }
        b.gammaInput(g);
      }));
    }
  }
}
