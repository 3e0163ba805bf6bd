package io.mmf.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.mmf.core.finding.Finding;
import io.mmf.core.source.Source;
import io.mmf.core.target.AucTarget;
import io.mmf.core.target.TargetVerdict;
import io.mmf.pk.exposure.DoseAdvice;
import io.mmf.pk.exposure.DoseRecommendation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * JSON output through Jackson's streaming generator: one document per run, numbers at full precision
 * (a double's shortest exact text; a value that does not exist is {@code null}, never NaN), units in the
 * field names, findings with severity, action, rule id and source. The shapes are described by the
 * schemas in {@code docs/schema/}.
 */
final class JsonOut {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonOut() {}

  /** Writes one document. */
  interface Body {
    /**
     * Writes the document's fields into the open root object.
     *
     * @param g the generator
     * @throws IOException if writing fails
     */
    void write(JsonGenerator g) throws IOException;
  }

  /**
   * Writes a document whose root is an object: {@code {"command": ..., fields...}}.
   *
   * @param out where
   * @param command the command's name, the document's first field
   * @param body the other fields
   */
  static void write(PrintWriter out, String command, Body body) {
    try {
      JsonGenerator g = FACTORY.createGenerator(out);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("command", command);
      body.write(g);
      g.writeEndObject();
      g.flush();
      out.println();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A number, or null where it does not exist (NaN). */
  static void number(JsonGenerator g, String field, double v) throws IOException {
    g.writeFieldName(field);
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      g.writeNull();
    } else {
      g.writeNumber(v);
    }
  }

  /** A source: id, citation, how it was checked, where in it. */
  static void source(JsonGenerator g, String field, Source s) throws IOException {
    g.writeObjectFieldStart(field);
    g.writeStringField("id", s.id());
    g.writeStringField("citation", s.citation());
    g.writeStringField("verification", s.verification().name());
    g.writeStringField("locator", s.locator());
    g.writeEndObject();
  }

  /** A finding: rule id, severity, action, message, source. */
  static void finding(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", f.ruleId());
    g.writeStringField("severity", f.severity().name());
    g.writeStringField("action", f.action().name());
    g.writeStringField("message", f.message());
    source(g, "source", f.source());
    g.writeEndObject();
  }

  /** An array of findings. */
  /** An array of strings (each escaped by the generator). */
  static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  static void findings(JsonGenerator g, String field, List<Finding> findings) throws IOException {
    g.writeArrayFieldStart(field);
    for (Finding f : findings) {
      finding(g, f);
    }
    g.writeEndArray();
  }

  /** A target: bounds, interval, whom it is for, whether it is sourced for the condition, its source. */
  static void target(JsonGenerator g, String field, AucTarget t) throws IOException {
    g.writeObjectFieldStart(field);
    number(g, "lowMgHPerL", t.lowMgHPerL());
    number(g, "highMgHPerL", t.highMgHPerL().orElse(Double.NaN));
    number(g, "intervalHours", t.intervalHours());
    number(g, "minTroughMgPerL", t.minTroughMgPerL().orElse(Double.NaN));
    g.writeStringField("population", t.population());
    g.writeBooleanField("sourced", t.isSourced());
    source(g, "source", t.source());
    g.writeEndObject();
  }

  /**
   * A verdict against a target: the position only where the target is sourced for the condition (else
   * {@code verdict} is null and {@code orientation} holds the position, for orientation only).
   */
  static void verdict(JsonGenerator g, String field, TargetVerdict v) throws IOException {
    g.writeObjectFieldStart(field);
    g.writeBooleanField("isVerdict", v.isVerdict());
    if (v.isVerdict()) {
      g.writeStringField("verdict", v.position().name());
    } else {
      g.writeNullField("verdict");
    }
    g.writeStringField("orientation", v.position().name());
    number(g, "auc12hMgHPerL", v.aucMgHPerL());
    g.writeBooleanField("byTrough", v.byTrough());
    target(g, "target", v.target());
    g.writeStringField("text", v.toString());
    g.writeEndObject();
  }

  /** Dose advice: its kind, the recommended dose (where the advice changes the dose), the text, the ceiling. */
  static void advice(JsonGenerator g, String field, DoseAdvice a) throws IOException {
    g.writeObjectFieldStart(field);
    g.writeStringField("kind", a.kind().name());
    g.writeBooleanField("changesDose", a.changesDose());
    if (a.recommendation().isPresent()) {
      DoseRecommendation r = a.recommendation().get();
      g.writeObjectFieldStart("recommendation");
      number(g, "doseMg", r.dispensed().dose().mg());
      g.writeStringField("dispensed", r.dispensed().toString());
      g.writeEndObject();
    } else {
      g.writeNullField("recommendation");
    }
    g.writeStringField("text", a.text());
    g.writeEndObject();
  }
}
