package io.mmf.pk.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf.core.drug.Formulation;
import io.mmf.core.regimen.DosingInterval;
import io.mmf.pk.model.Presets;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 10^6 subjects with summaries only finish in a JVM with a 256 MB heap: memory does not grow with the
 * number of subjects. Runs in a child JVM so the heap limit is real. Takes about a minute on 2 cores.
 */
class MillionSubjectsTest {

  /** Entry point of the child JVM: prints the subject count and the fraction in target. */
  public static void main(String[] args) {
    List<Attainment> r = PopulationSimulation.of(Populations.vanHest2005(Presets.VanHestCovariates.REFERENCE))
        .subjects(1_000_000).seed(5).doses(Formulation.MMF_TABLET_500, DosingInterval.TWICE_DAILY, 1000).build()
        .run();
    System.out.println("subjects=" + r.get(0).subjects() + " within=" + r.get(0).steadyState().within()
        + " maxHeapMb=" + Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  @Test
  void millionSubjectsInA256MbHeap() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        MillionSubjectsTest.class.getName()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertTrue(out.contains("subjects=1000000 "), out);
    assertTrue(out.contains("maxHeapMb=2"), "heap was limited: " + out);
    // CL variance 0.091 around 1000/32.5 = 30.8: about 91 % of patients inside 20-60 mg*h/L
    double within = Double.parseDouble(out.replaceAll("(?s).*within=([0-9.]+).*", "$1"));
    assertEquals(0.91, within, 0.01, out);
  }
}
