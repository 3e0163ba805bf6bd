package io.mmf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's quick-start command prints exactly what the README shows. */
class ReadmeQuickStartTest {
  @Test
  void quickStartOutputIsTheReadmes() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    assertTrue(readme.contains("./mmf simulate --model van-hest-2005 --dose 1000 --condition kidney-transplant   #"));
    int start = readme.indexOf("```\n", readme.indexOf("The first command prints:")) + 4;
    String shown = readme.substring(start, readme.indexOf("```", start));
    CliTest.Run r = CliTest.run("simulate", "--model", "van-hest-2005", "--dose", "1000", "--condition",
        "kidney-transplant");
    assertEquals(0, r.code());
    assertEquals(shown, r.out().replace("\r\n", "\n"));
  }
}
