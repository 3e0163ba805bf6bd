package io.mmf.core.condition;

import io.mmf.core.internal.Checks;
import io.mmf.core.target.AucTarget;
import io.mmf.core.source.Source;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A condition MMF is used for, with what the sources say about dosing, evidence, exposure target and
 * response. Doses are mg of MMF per day; every number carries its own {@link Source}.
 *
 * <p>Immutable and thread-safe. The built-in entries are in {@link ConditionCatalog#standard()};
 * {@link #builder(String, String)} makes new ones.
 *
 * @param id stable lower-case id, e.g. {@code lupus-nephritis}
 * @param name readable name
 * @param category clinical field
 * @param aliases other names and abbreviations it is looked up by, e.g. {@code LN}
 * @param evidence evidence class
 * @param evidenceSummary the evidence in one line
 * @param usualDailyDose usual daily dose range, mg MMF/day, where a source gives one
 * @param maximumDailyDose highest daily dose, mg MMF/day, where a source gives one
 * @param adequateDailyDose daily dose below which failure cannot yet be judged, where a source gives one
 * @param pediatricDosing body-surface-area dosing for children, where a source gives one
 * @param target MPA AUC target for this condition: one a source gives for it, or, where none does, the
 *     seed 003 window for orientation only ({@link AucTarget#orientation(String)})
 * @param alternativeTargets other published windows for this condition, each cited
 * @param responseTimeline when a response is expected, where a source says
 * @param myositis whether muscle disease is monitored (creatine kinase, strength)
 * @param notes caveats in words (may be empty)
 * @param sources citations for the entry as a whole; never empty
 */
public record Condition(String id, String name, Category category, List<String> aliases, Evidence evidence,
    String evidenceSummary, Optional<DailyDoseRange> usualDailyDose, Optional<DailyDoseLimit> maximumDailyDose,
    Optional<DailyDoseLimit> adequateDailyDose, Optional<PediatricDosing> pediatricDosing, AucTarget target,
    List<AucTarget> alternativeTargets, Optional<ResponseTimeline> responseTimeline, boolean myositis,
    String notes, List<Source> sources) {

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /**
   * Validates the entry and copies its lists.
   *
   * @param id lower-case id with dashes
   * @param name readable name
   * @param category clinical field
   * @param aliases other names
   * @param evidence evidence class
   * @param evidenceSummary one line
   * @param usualDailyDose optional range
   * @param maximumDailyDose optional maximum
   * @param adequateDailyDose optional adequate dose
   * @param pediatricDosing optional pediatric dosing
   * @param target AUC window
   * @param alternativeTargets other windows
   * @param responseTimeline optional timeline
   * @param myositis muscle disease flag
   * @param notes caveats
   * @param sources citations, at least one
   * @throws NullPointerException if an argument or a list element is null
   * @throws IllegalArgumentException if {@code id} is not lower-case words joined by dashes, a text is
   *     blank, {@code sources} is empty, or the usual range exceeds the maximum
   */
  public Condition {
    Checks.notBlank(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(Checks.invalid("id", "lower-case words joined by '-'", id));
    }
    Checks.notBlank(name, "name");
    Checks.notNull(category, "category");
    aliases = List.copyOf(Checks.noNulls(aliases, "aliases"));
    Checks.notNull(evidence, "evidence");
    Checks.notBlank(evidenceSummary, "evidenceSummary");
    Checks.notNull(usualDailyDose, "usualDailyDose");
    Checks.notNull(maximumDailyDose, "maximumDailyDose");
    Checks.notNull(adequateDailyDose, "adequateDailyDose");
    Checks.notNull(pediatricDosing, "pediatricDosing");
    Checks.notNull(target, "target");
    alternativeTargets = List.copyOf(Checks.noNulls(alternativeTargets, "alternativeTargets"));
    Checks.notNull(responseTimeline, "responseTimeline");
    Checks.notNull(notes, "notes");
    sources = List.copyOf(Checks.nonEmpty(sources, "sources"));
    if (usualDailyDose.isPresent() && maximumDailyDose.isPresent()
        && usualDailyDose.get().highMgPerDay() > maximumDailyDose.get().mgPerDay()) {
      throw new IllegalArgumentException(Checks.invalid("usualDailyDose",
          "<= maximumDailyDose " + maximumDailyDose.get(), usualDailyDose.get()));
    }
  }

  /**
   * Every citation behind this entry: its own sources and those of each number, without repeats.
   *
   * @return the citations, entry sources first
   */
  public List<Source> allSources() {
    Set<Source> all = new LinkedHashSet<>(sources);
    usualDailyDose.ifPresent(d -> all.add(d.source()));
    maximumDailyDose.ifPresent(d -> all.add(d.source()));
    adequateDailyDose.ifPresent(d -> all.add(d.source()));
    pediatricDosing.ifPresent(d -> all.add(d.source()));
    all.add(target.source());
    alternativeTargets.forEach(t -> all.add(t.source()));
    responseTimeline.ifPresent(t -> all.add(t.source()));
    return List.copyOf(all);
  }

  /**
   * Returns {@code name (id)}.
   *
   * @return {@code name (id)}
   */
  @Override
  public String toString() {
    return name + " (" + id + ")";
  }

  /**
   * Starts a new entry. Only {@code id}, {@code name}, category, evidence and one source are
   * required; the target defaults to {@link AucTarget#orientation(String)} for the name: no validated
   * target, the seed 003 window shown for orientation only.
   *
   * @param id lower-case id with dashes
   * @param name readable name
   * @return a builder
   */
  public static Builder builder(String id, String name) {
    return new Builder(id, name);
  }

  /** Assembles a {@link Condition}; not thread-safe, use one per thread. */
  public static final class Builder {
    private final String id;
    private final String name;
    private Category category;
    private final List<String> aliases = new ArrayList<>();
    private Evidence evidence;
    private String evidenceSummary;
    private DailyDoseRange usual;
    private DailyDoseLimit maximum;
    private DailyDoseLimit adequate;
    private PediatricDosing pediatric;
    private AucTarget target;
    private final List<AucTarget> alternatives = new ArrayList<>();
    private ResponseTimeline timeline;
    private boolean myositis;
    private String notes = "";
    private final List<Source> sources = new ArrayList<>();

    private Builder(String id, String name) {
      this.id = id;
      this.name = name;
    }

    /**
     * Sets the clinical field.
     * @param value the field
     * @return this builder
     */
    public Builder category(Category value) {
      this.category = value;
      return this;
    }

    /**
     * Adds names it is looked up by.
     * @param values names and abbreviations
     * @return this builder
     */
    public Builder aliases(String... values) {
      aliases.addAll(List.of(values));
      return this;
    }

    /**
     * Sets the evidence.
     *
     * @param value evidence class
     * @param summary one line
     * @return this builder
     */
    public Builder evidence(Evidence value, String summary) {
      this.evidence = value;
      this.evidenceSummary = summary;
      return this;
    }

    /**
     * Sets the usual daily dose range.
     * @param value range, mg/day
     * @return this builder
     */
    public Builder usualDailyDose(DailyDoseRange value) {
      this.usual = value;
      return this;
    }

    /**
     * Sets the maximum daily dose.
     * @param value maximum, mg/day
     * @return this builder
     */
    public Builder maximumDailyDose(DailyDoseLimit value) {
      this.maximum = value;
      return this;
    }

    /**
     * Sets the adequate daily dose.
     * @param value adequate dose, mg/day
     * @return this builder
     */
    public Builder adequateDailyDose(DailyDoseLimit value) {
      this.adequate = value;
      return this;
    }

    /**
     * Sets pediatric dosing.
     * @param value dosing
     * @return this builder
     */
    public Builder pediatricDosing(PediatricDosing value) {
      this.pediatric = value;
      return this;
    }

    /**
     * Sets the AUC window.
     * @param value window
     * @return this builder
     */
    public Builder target(AucTarget value) {
      this.target = value;
      return this;
    }

    /**
     * Adds other published windows.
     * @param values windows
     * @return this builder
     */
    public Builder alternativeTargets(AucTarget... values) {
      alternatives.addAll(List.of(values));
      return this;
    }

    /**
     * Sets the response timeline.
     * @param value timeline
     * @return this builder
     */
    public Builder responseTimeline(ResponseTimeline value) {
      this.timeline = value;
      return this;
    }

    /**
     * Marks muscle disease to monitor.
     * @return this builder
     */
    public Builder myositis() {
      this.myositis = true;
      return this;
    }

    /**
     * Sets caveats in words.
     * @param value notes
     * @return this builder
     */
    public Builder notes(String value) {
      this.notes = value;
      return this;
    }

    /**
     * Adds citations.
     * @param values citations
     * @return this builder
     */
    public Builder sources(Source... values) {
      sources.addAll(List.of(values));
      return this;
    }

    /**
     * Builds and validates the entry.
     *
     * @return the condition
     * @throws NullPointerException if a required part is missing
     * @throws IllegalArgumentException if a part is invalid (see {@link Condition})
     */
    public Condition build() {
      return new Condition(id, name, category, aliases, evidence, evidenceSummary, Optional.ofNullable(usual),
          Optional.ofNullable(maximum), Optional.ofNullable(adequate), Optional.ofNullable(pediatric),
          target != null ? target : AucTarget.orientation(Checks.notBlank(name, "name")),
          alternatives, Optional.ofNullable(timeline), myositis, notes, sources);
    }
  }
}
