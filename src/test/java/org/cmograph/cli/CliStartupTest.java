package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code cmograph --version}, {@code --help} and every command's {@code --help} load no Apache Jena
 * class: Jena's initialisation takes ~0.9 s of a JVM's start (docs/benchmarks.md, "JVM baseline"),
 * and picocli builds every command, reflecting on their fields and methods, whatever it is asked.
 * The command line runs in a class loader of its own over the test's class path, which records
 * every class it defines; the test then asks that loader for Jena classes. Where a Jena type creeps
 * back into a command's field or method signature, or a constant picocli reads reaches {@code
 * rdf.Vocab}, the test names the arguments that first loaded it.
 */
class CliStartupTest {
  /** Defines every class itself (parent: the platform loader) and remembers their names. */
  private static final class RecordingLoader extends URLClassLoader {
    final Set<String> defined = new TreeSet<>();

    RecordingLoader(URL[] urls) {
      super("cli-startup", urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      Class<?> c = super.findClass(name);
      synchronized (defined) {
        defined.add(name);
      }
      return c;
    }

    List<String> jena() {
      synchronized (defined) {
        return defined.stream().filter(n -> n.startsWith("org.apache.jena.")).toList();
      }
    }
  }

  @Test
  void versionAndHelpLoadNoJenaClass() throws Exception {
    List<List<String>> runs = new ArrayList<>();
    runs.add(List.of("--version"));
    runs.add(List.of("--help"));
    for (List<String> path : HelpOptionsTest.commandPaths()) {
      if (!path.isEmpty()) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        runs.add(args);
      }
    }
    Map<String, List<String>> loadedBy = new LinkedHashMap<>();
    try (RecordingLoader loader = new RecordingLoader(classPath())) {
      Method execute =
          loader.loadClass(CmographCommand.class.getName()).getMethod("execute", String[].class);
      assertEquals(
          loader, execute.getDeclaringClass().getClassLoader(), "the CLI runs in its own loader");
      for (List<String> args : runs) {
        Object exit = runQuietly(execute, args);
        assertEquals(0, exit, String.join(" ", args));
        List<String> jena = loader.jena();
        if (!jena.isEmpty()) {
          loadedBy.put(String.join(" ", args), jena.subList(0, Math.min(5, jena.size())));
          break;
        }
      }
      assertTrue(
          loader.defined.contains("picocli.CommandLine"), "picocli came from the recording loader");
      assertTrue(
          loader.defined.contains(CatalogueListCommand.class.getName()), "every command was built");
    }
    assertEquals(Map.of(), loadedBy, "cmograph ARGS -> the first Jena classes it loaded");
  }

  /** Runs the command line with standard output and error captured (the help is long). */
  private static Object runQuietly(Method execute, List<String> args) throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (PrintStream quiet = new PrintStream(sink, true, "UTF-8")) {
      System.setOut(quiet);
      System.setErr(quiet);
      return execute.invoke(null, (Object) args.toArray(String[]::new));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  /** The test's class path (surefire sets java.class.path to it), Jena's jars included. */
  private static URL[] classPath() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    boolean jena = false;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        urls.add(new File(entry).toURI().toURL());
        jena |= new File(entry).getName().startsWith("jena-");
      }
    }
    assertTrue(jena, "Jena is on the class path, so loading it would succeed and be seen");
    return urls.toArray(URL[]::new);
  }
}
