package org.cmograph.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs ROBOT's quality report (https://robot.obolibrary.org/report) on the ontology and on every
 * catalogue in ontology/, and fails on any ERROR: two terms sharing a label, a term without a
 * label, a file without a title, description or licence, and the rest of ROBOT's default profile.
 * WARN and INFO rows (e.g. no IAO definition: cmograph defines terms with skos:definition) are
 * printed, not failed.
 *
 * <p>ROBOT runs in a child JVM on its own class path (tools/robot/pom.xml says why), resolved by
 * the build into target/robot/. New catalogue files (context-catalogue.ttl, outcome-catalogue.ttl)
 * are picked up by name: every *.ttl in ontology/ but the SHACL shapes files.
 */
class OntologyReportIT {

  static final Path HOME = Path.of(System.getProperty("cmograph.home", "."));
  static final Path ONTOLOGY_DIR = HOME.resolve("ontology");

  /** The ontology and catalogue files: every ontology/*.ttl except SHACL shapes files. */
  static List<Path> checkedFiles() throws IOException {
    try (Stream<Path> files = Files.list(ONTOLOGY_DIR)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".ttl"))
          .filter(f -> !f.getFileName().toString().endsWith("shapes.ttl"))
          .sorted()
          .toList();
    }
  }

  @Test
  void checksTheOntologyAndTheMechanismCatalogueAtLeast() throws IOException {
    List<String> names = checkedFiles().stream().map(f -> f.getFileName().toString()).toList();
    assertTrue(names.contains("cmograph.ttl"), "checked: " + names);
    assertTrue(names.contains("mechanism-catalogue.ttl"), "checked: " + names);
    assertFalse(names.contains("shapes.ttl"), "checked: " + names);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("checkedFiles")
  void robotReportHasNoError(Path file) throws Exception {
    Path classpath =
        Path.of(System.getProperty("cmograph.robot.classpath", "target/robot/classpath.txt"));
    assertTrue(
        Files.isRegularFile(classpath),
        classpath
            + " is missing: the build resolves ROBOT into target/robot (maven-invoker-plugin,"
            + " generate-test-resources); run the tests through ./mvnw");
    Path dir = classpath.getParent();
    String name = file.getFileName().toString().replaceFirst("\\.ttl$", "");
    Path table = dir.resolve("report-" + name + ".tsv");
    Path log = dir.resolve("report-" + name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(Files.readString(classpath).strip());
    command.add("org.obolibrary.robot.CommandLineInterface");
    command.addAll(
        List.of(
            "report",
            "--input",
            file.toAbsolutePath().toString(),
            // the test decides from the table; ROBOT's own exit status is checked too
            "--fail-on",
            "ERROR",
            "--output",
            table.toString()));
    Process robot =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(robot.waitFor(5, TimeUnit.MINUTES), "ROBOT did not finish in 5 minutes");
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(Files.isRegularFile(table), "ROBOT wrote no report for " + file + ":\n" + output);

    List<String> rows = Files.readAllLines(table, StandardCharsets.UTF_8);
    List<String> errors = rows.stream().filter(r -> r.startsWith("ERROR\t")).toList();
    long warnings = rows.stream().filter(r -> r.startsWith("WARN\t")).count();
    System.out.printf(
        "ROBOT report on %s: %d errors, %d warnings (table: %s)%n",
        file.getFileName(), errors.size(), warnings, table);
    assertEquals(
        List.of(),
        errors,
        () ->
            "ROBOT's report on "
                + file.getFileName()
                + " has errors (level, rule, subject, property, value;"
                + " rules: https://robot.obolibrary.org/report_queries/):\n"
                + String.join("\n", errors));
    assertEquals(0, robot.exitValue(), "ROBOT failed on " + file + ":\n" + output);
  }
}
