package io.mmf.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java code block of the README compiles and runs as written: its import lines become the
 * imports of a class, its other lines the body of that class's main method, compiled against the
 * modules' classes and run.
 */
class ReadmeCodeTest {
  @TempDir
  Path out;

  static List<String> javaBlocks(String readme) {
    List<String> blocks = new ArrayList<>();
    int at = 0;
    while ((at = readme.indexOf("```java\n", at)) >= 0) {
      int end = readme.indexOf("\n```", at + 8);
      blocks.add(readme.substring(at + 8, end + 1));
      at = end;
    }
    return blocks;
  }

  static String asClass(String name, String block) {
    StringBuilder imports = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (String line : block.split("\n")) {
      (line.startsWith("import ") ? imports : body).append(line).append('\n');
    }
    return imports + "public class " + name + " {\n  public static void main(String[] args) throws Exception {\n"
        + body + "  }\n}\n";
  }

  @Test
  void everyJavaBlockCompilesAndRuns() throws Exception {
    List<String> blocks = javaBlocks(Files.readString(Path.of("../README.md")));
    assertTrue(blocks.size() >= 2, "the README's API tours");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    for (int i = 0; i < blocks.size(); i++) {
      String name = "ReadmeBlock" + i;
      String source = asClass(name, blocks.get(i));
      JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"),
          JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return source;
        }
      };
      StringWriter errors = new StringWriter();
      boolean ok = javac.getTask(errors, null, null, List.of("-classpath", System.getProperty("java.class.path"),
          "-d", out.toString(), "-proc:none"), null, List.of(file)).call();
      assertTrue(ok, "README Java block " + (i + 1) + " does not compile as written:\n" + errors + "\n" + source);
      try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
          ReadmeCodeTest.class.getClassLoader())) {
        Method main = loader.loadClass(name).getMethod("main", String[].class);
        main.invoke(null, (Object) new String[0]);
      }
    }
  }
}
