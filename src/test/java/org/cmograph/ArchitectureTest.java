package org.cmograph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;

/**
 * Keeps the data flow visible: util at the bottom; extraction (reading and checking extraction
 * files) → rdf → store → query → report/endpoint; exchange (importers and writers) and generate
 * (benchmark data) beside extraction, used only by cli; cli on top. A package may name only the
 * packages below it; nothing names cli.
 *
 * <p>Sub-packages count: a sub-package listed here ({@code extraction.sources}, {@code
 * extraction.migrate}) is a unit of its own, which another unit may name only when it is listed for
 * it (allowing {@code extraction} does not allow {@code extraction.migrate}). A sub-package not
 * listed belongs to the unit of its nearest listed parent.
 */
class ArchitectureTest {
  /** Each unit and the units it may name. */
  static final Map<String, List<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("util", List.of()),
          Map.entry("extraction.sources", List.of("util")),
          Map.entry("extraction", List.of("util", "extraction.sources")),
          Map.entry("extraction.migrate", List.of("util", "extraction")),
          // exchange's ImportService writes and then checks extraction files; the check (rdf's
          // study pipeline) is handed in by cli, so exchange stays beside extraction
          Map.entry("exchange", List.of("util", "extraction")),
          Map.entry("generate", List.of("util", "extraction", "exchange")),
          Map.entry("rdf", List.of("util", "extraction")),
          Map.entry("store", List.of("util", "extraction", "rdf")),
          Map.entry("query", List.of("util", "extraction", "rdf", "store")),
          Map.entry("report", List.of("util", "extraction", "rdf", "store", "query")),
          // endpoint reads registered source texts and their page/section maps for the source
          // view; it does not read summaries (the serving command gives it a SummaryRenderer)
          Map.entry(
              "endpoint",
              List.of("util", "extraction", "extraction.sources", "rdf", "store", "query")),
          Map.entry(
              "cli",
              List.of(
                  "util",
                  "extraction",
                  "extraction.sources",
                  "extraction.migrate",
                  "exchange",
                  "generate",
                  "rdf",
                  "store",
                  "query",
                  "report",
                  "endpoint")));

  /**
   * Units that must not depend on Jena: everything that reads, writes or makes extraction files.
   */
  static final List<String> WITHOUT_JENA =
      List.of(
          "util", "extraction", "extraction.sources", "extraction.migrate", "exchange", "generate");

  /** A cmograph package named in code (import or qualified name): the segments before a class. */
  static final Pattern NAMED =
      Pattern.compile("\\borg\\.cmograph\\.((?:[a-z]\\w*\\.)*?[a-z]\\w*)\\.[A-Z]");

  static final Pattern PACKAGE =
      Pattern.compile("^package org\\.cmograph\\.([\\w.]+);", Pattern.MULTILINE);

  /**
   * The unit a package belongs to: itself or its nearest listed parent; null when none is listed.
   */
  static String unit(String pkg) {
    for (String p = pkg; ; p = p.substring(0, p.lastIndexOf('.'))) {
      if (ALLOWED.containsKey(p)) {
        return p;
      }
      if (!p.contains(".")) {
        return null;
      }
    }
  }

  @Test
  void unitsAreThePackagesAndTheirListedSubPackages() {
    assertEquals("extraction", unit("extraction"));
    assertEquals("extraction.sources", unit("extraction.sources"));
    assertEquals("cli", unit("cli.options"));
    assertEquals(null, unit("imports"));
  }

  @Test
  void packagesImportOnlyDownstream() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : mainSources()) {
      String source = Files.readString(file);
      Matcher declared = PACKAGE.matcher(source);
      String pkg = declared.find() ? declared.group(1) : "";
      String unit = unit(pkg);
      if (unit == null) {
        violations.add(file + ": package '" + pkg + "' is not in the architecture");
        continue;
      }
      TreeSet<String> named = new TreeSet<>();
      Matcher m = NAMED.matcher(source);
      while (m.find()) {
        String target = unit(m.group(1));
        if (target == null) {
          violations.add(
              file.getFileName() + " (" + unit + ") names unknown package " + m.group(1));
        } else if (!target.equals(unit) && !ALLOWED.get(unit).contains(target)) {
          named.add(target);
        }
      }
      named.forEach(t -> violations.add(file.getFileName() + " (" + unit + ") names " + t));
      if (WITHOUT_JENA.contains(unit) && source.contains("org.apache.jena")) {
        violations.add(file.getFileName() + ": " + unit + " must not depend on Jena");
      }
    }
    assertEquals(List.of(), violations);
  }

  /** The Java files of src/main/java/org/cmograph, sorted. */
  static List<Path> mainSources() throws IOException {
    try (Stream<Path> files = Files.walk(Repo.root().resolve("src/main/java/org/cmograph"))) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** The most lines a main source file may have (issue 17: split along the real seams instead). */
  static final int MAX_LINES = 400;

  @Test
  void noMainFileIsOverFourHundredLines() throws IOException {
    List<String> over = new ArrayList<>();
    Path main = Repo.root().resolve("src/main/java");
    for (Path file : mainSources()) {
      long lines = Files.readAllLines(file).size();
      if (lines > MAX_LINES) {
        over.add(main.relativize(file) + ": " + lines + " lines");
      }
    }
    assertEquals(List.of(), over, "split these along their seams (at most " + MAX_LINES + ")");
  }
}
