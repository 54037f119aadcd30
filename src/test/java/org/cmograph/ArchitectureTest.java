package org.cmograph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;

/**
 * Keeps the data flow visible: extraction → rdf → store → query → report/endpoint, cli on top.
 * A package may import only packages below it; nothing imports cli; extraction needs no Jena.
 */
class ArchitectureTest {
  /** Each package and the cmograph packages it may import. */
  static final Map<String, List<String>> ALLOWED =
      Map.of(
          "extraction", List.of(),
          "rdf", List.of("extraction"),
          "store", List.of("extraction", "rdf"),
          "query", List.of("extraction", "rdf", "store"),
          "report", List.of("extraction", "rdf", "store", "query"),
          "endpoint", List.of("extraction", "rdf", "store", "query", "report"),
          "cli", List.of("extraction", "rdf", "store", "query", "report", "endpoint"));

  static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.cmograph\\.(\\w+)\\.", Pattern.MULTILINE);

  @Test
  void packagesImportOnlyDownstream() throws IOException {
    List<String> violations = new ArrayList<>();
    Path main = Repo.root().resolve("src/main/java/org/cmograph");
    try (Stream<Path> files = Files.walk(main)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = main.relativize(file).getName(0).toString();
        if (!ALLOWED.containsKey(pkg)) {
          violations.add(file + ": package '" + pkg + "' is not in the architecture");
          continue;
        }
        String source = Files.readString(file);
        Matcher m = IMPORT.matcher(source);
        while (m.find()) {
          String target = m.group(1);
          if (!target.equals(pkg) && !ALLOWED.get(pkg).contains(target)) {
            violations.add(file.getFileName() + " (" + pkg + ") imports " + target);
          }
        }
        for (String higher : List.of("rdf", "store", "query", "report", "endpoint", "cli")) {
          if (!higher.equals(pkg)
              && !ALLOWED.get(pkg).contains(higher)
              && source.contains("org.cmograph." + higher + ".")) {
            violations.add(file.getFileName() + " (" + pkg + ") names org.cmograph." + higher);
          }
        }
        if (pkg.equals("extraction") && source.contains("org.apache.jena")) {
          violations.add(file.getFileName() + ": extraction must not depend on Jena");
        }
      }
    }
    assertEquals(List.of(), violations);
  }
}
