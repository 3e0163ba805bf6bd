package io.mmf.core.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CoreDemoTest {
  @Test
  void demoPrintsTheRenalCapNeutropeniaAndUnmetWithdrawalCriteria() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CoreDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("decision support, not medical advice"), out);
    assertTrue(out.contains("renal-cap"), out);
    assertTrue(out.contains("neutropenia -> INTERRUPT_OR_REDUCE"), out);
    assertTrue(out.contains("[unmet] mmt8-full-strength"), out);
  }
}
