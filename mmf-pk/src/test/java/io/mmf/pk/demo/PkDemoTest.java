package io.mmf.pk.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PkDemoTest {
  @Test
  void demoPrintsThePublishedFigures() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PkDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("Decision support, not medical advice"), out);
    assertTrue(out.contains("at steady state: 30.8 mg*h/L"), out);
    assertTrue(out.contains("MMF:    AUC0-12 46.2"), out);
    assertTrue(out.contains("EC-MPS: AUC0-12 42.1"), out);
    assertTrue(out.contains("AUC0-12 36.2 mg*h/L with recirculation"), out);
  }
}
