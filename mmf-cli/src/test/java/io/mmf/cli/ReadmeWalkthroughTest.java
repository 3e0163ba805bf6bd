package io.mmf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's walk-throughs print what the README shows. A {@code ```sh} block of one {@code ./mmf}
 * command (optionally ending in {@code # exit status N}; 0 otherwise) is run in-process; the
 * {@code ```text} block after it is its standard output (whole, or its beginning when the block ends
 * with a line "..."), and each {@code ```text file=NAME} block after that is a run of consecutive lines
 * of the file NAME that the command wrote. Paths under {@code docs/} are the checkout's; every other
 * file a command names is written to a temporary directory.
 */
class ReadmeWalkthroughTest {
  @TempDir
  Path dir;

  private static final Pattern BLOCK = Pattern.compile("```(sh|text)( file=(\\S+))?\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern STATUS = Pattern.compile("\\s+# exit status (\\d+)$");
  private static final List<String> OUTPUTS = List.of("--output", "--pp", "--csv", "--plot");

  /** A command and the blocks that show its result. */
  private record Step(String command, String stdout, List<String[]> files) {}

  static List<Step> steps(String readme) {
    List<Step> steps = new ArrayList<>();
    Matcher m = BLOCK.matcher(readme);
    Step current = null;
    while (m.find()) {
      String body = m.group(4);
      if (m.group(1).equals("sh")) {
        boolean one = body.lines().count() == 1 && body.startsWith("./mmf ");
        current = one ? new Step(body.strip(), null, new ArrayList<>()) : null;
        if (one) {
          steps.add(current);
        }
      } else if (current != null && m.group(3) == null && current.stdout() == null) {
        Step withOut = new Step(current.command(), body, current.files());
        steps.set(steps.size() - 1, withOut);
        current = withOut;
      } else if (current != null && m.group(3) != null) {
        current.files().add(new String[] {m.group(3), body});
      }
    }
    return steps;
  }

  @Test
  void everyWalkthroughCommandPrintsAndWritesWhatTheReadmeShows() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    List<Step> steps = steps(readme);
    assertTrue(steps.stream().filter(s -> s.stdout() != null).count() >= 5, "the dataset and JSON walk-throughs: "
        + steps.size());
    for (Step step : steps) {
      if (step.stdout() == null) {
        continue;
      }
      String line = step.command();
      int expectedStatus = 0;
      Matcher status = STATUS.matcher(line);
      if (status.find()) {
        expectedStatus = Integer.parseInt(status.group(1));
        line = line.substring(0, status.start());
      }
      String[] words = line.substring("./mmf ".length()).trim().split(" +");
      List<String> args = new ArrayList<>();
      for (int i = 0; i < words.length; i++) {
        String w = words[i];
        if (w.startsWith("docs/")) {
          args.add("../" + w);
        } else if (i > 0 && OUTPUTS.contains(words[i - 1])) {
          args.add(dir.resolve(w).toString());
        } else {
          args.add(w);
        }
      }
      CliTest.Run r = CliTest.run(args.toArray(String[]::new));
      assertEquals(expectedStatus, r.code(), line + "\n" + r.err());
      String out = r.out().replace("\r\n", "\n").replace(dir.toString() + "/", "").replace("../docs/", "docs/");
      String shown = step.stdout();
      if (shown.endsWith("...\n")) {
        String head = shown.substring(0, shown.length() - 4);
        assertTrue(out.startsWith(head), line + ": the README shows\n" + head + "\nit printed\n" + out);
      } else {
        assertEquals(shown, out, line);
      }
      for (String[] file : step.files()) {
        String written = Files.readString(dir.resolve(file[0]));
        assertTrue(written.contains(file[1]) && (written.startsWith(file[1]) || written.contains("\n" + file[1])),
            file[0] + " written by " + line + " holds the README's lines\n" + file[1] + "\nin\n" + written);
      }
    }
  }
}
