package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.poi.ss.util.CellRangeAddress;
import org.cmograph.extraction.Extraction;
import org.cmograph.rdf.Iris;
import org.cmograph.rdf.ReferenceData;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.testing.Repo;
import org.cmograph.testing.Snapshots;
import org.cmograph.testing.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code cmograph import} of spreadsheets as a researcher runs it: the round trip through {@code
 * export --format csv}, the bundled example workbook, malformed workbooks, and what is (not)
 * written.
 */
class SpreadsheetImportIT {
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = CmographCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static final Path EXAMPLES = Repo.root().resolve("examples");

  /** A format 2 extraction of gillard-2024 whose study facts an import into it must keep. */
  static final Path BASE = Repo.testResources().resolve("import/base/gillard-2024.yaml");

  static final String SOURCES = Repo.data().resolve("sources").toString();

  static StudyPipeline pipeline() {
    return new StudyPipeline(
        ReferenceData.load(Repo.root().resolve("ontology")),
        Repo.data().resolve("sources"),
        Repo.root());
  }

  /** The study graph of a file, less the node describing the file itself (its path and hash). */
  static Graph graphOf(StudyPipeline pipeline, Path file) {
    StudyPipeline.Result r = pipeline.validate(List.of(file));
    assertFalse(r.hasErrors(), r.problems().toString());
    Extraction x = r.valid().get(0);
    Graph g = pipeline.convert(x).graph();
    g.remove(new Iris().extractionFile(x.study().id()), Node.ANY, Node.ANY);
    return g;
  }

  @Test
  void exportAsCsvThenImportGivesTheSameGraphForEveryBundledStudy(@TempDir Path tmp)
      throws IOException {
    String store = tmp.resolve("store").toString();
    assertEquals(
        0, run("load", Repo.data().resolve("studies").toString(), "--store", store).exit());
    Path csv = tmp.resolve("all.csv");
    Run export = run("export", "--format", "csv", "--store", store, "--out", csv.toString());
    assertEquals(0, export.exit(), export.err());
    // Import into copies of the extraction files: their study facts are kept, CMOCs and evidence
    // replaced.
    Path studies = Files.createDirectories(tmp.resolve("studies"));
    List<Path> originals;
    try (Stream<Path> files = Files.list(Repo.data().resolve("studies"))) {
      originals = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path p : originals) {
      Files.copy(p, studies.resolve(p.getFileName()));
    }
    Run imported =
        run(
            "import",
            csv.toString(),
            "--out-dir",
            studies.toString(),
            "--force",
            "--sources",
            SOURCES,
            "--quiet");
    assertEquals(0, imported.exit(), imported.out() + imported.err());
    StudyPipeline pipeline = pipeline();
    List<String> differ = new ArrayList<>();
    for (Path original : originals) {
      Graph before = withoutUnlinkedParts(graphOf(pipeline, original));
      Graph after = graphOf(pipeline, studies.resolve(original.getFileName()));
      if (before.size() != after.size() || !before.isIsomorphicWith(after)) {
        differ.add(
            original.getFileName()
                + " ("
                + before.size()
                + " vs "
                + after.size()
                + " triples; lost: "
                + missing(before, after)
                + "; gained: "
                + missing(after, before)
                + ")");
      }
    }
    assertTrue(originals.size() >= 20);
    assertEquals(List.of(), differ, "studies whose graph changed in the CSV round trip");
  }

  /**
   * What a sheet cannot carry: its rows are CMOCs, so a study context or outcome that no CMOC links
   * (the setting a study took place in, say) has no row, and neither has an evidence item's 'about'
   * naming it. The graph without them (docs/extraction-guide.md, section 7).
   */
  static Graph withoutUnlinkedParts(Graph g) {
    List<Node> unlinked = new ArrayList<>();
    for (Node kind : List.of(org.cmograph.rdf.Vocab.Context, org.cmograph.rdf.Vocab.Outcome)) {
      g.find(Node.ANY, org.cmograph.rdf.Vocab.type, kind)
          .forEachRemaining(
              t -> {
                Node part = t.getSubject();
                if (!g.contains(Node.ANY, org.cmograph.rdf.Vocab.hasContext, part)
                    && !g.contains(Node.ANY, org.cmograph.rdf.Vocab.hasOutcome, part)) {
                  unlinked.add(part);
                }
              });
    }
    Graph out = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
    g.find()
        .filterDrop(t -> unlinked.contains(t.getSubject()) || unlinked.contains(t.getObject()))
        .forEachRemaining(out::add);
    return out;
  }

  /** Up to five triples of {@code a} that {@code b} lacks, for the failure message. */
  static String missing(Graph a, Graph b) {
    return a.find().filterDrop(b::contains).toList().stream()
        .limit(5)
        .map(Object::toString)
        .toList()
        .toString();
  }

  @Test
  void theExampleSpreadsheetsAreTheExportOfTheRealExtraction(@TempDir Path tmp) throws IOException {
    String store = tmp.resolve("store").toString();
    assertEquals(
        0,
        run("load", Repo.data().resolve("studies/gillard-2024.yaml").toString(), "--store", store)
            .exit());
    Path csv = tmp.resolve("gillard-2024.csv");
    assertEquals(
        0, run("export", "--format", "csv", "--store", store, "--out", csv.toString()).exit());
    Snapshots.assertMatches(
        EXAMPLES.resolve("gillard-2024.csv"), Files.readString(csv, StandardCharsets.UTF_8));
    Path xlsx = EXAMPLES.resolve("gillard-2024.xlsx");
    if (Snapshots.updating() || !Files.exists(xlsx)) {
      Workbooks.fromCsv(EXAMPLES.resolve("gillard-2024.csv"), xlsx, "CMOCs", sheet -> {});
    }
    assertEquals(
        Workbooks.rows(EXAMPLES.resolve("gillard-2024.csv")),
        Workbooks.rows(xlsx),
        "examples/gillard-2024.xlsx holds the CSV's cells; run with -Dsnapshots.update=true to"
            + " rebuild it");
  }

  @Test
  void theCsvAndTheWorkbookImportToTheSameFileAndItValidates(@TempDir Path tmp) throws IOException {
    Path base = BASE;
    Path fromCsv = tmp.resolve("csv/gillard-2024.yaml");
    Path fromXlsx = tmp.resolve("xlsx/gillard-2024.yaml");
    Run a =
        run(
            "import",
            EXAMPLES.resolve("gillard-2024.csv").toString(),
            "--study",
            "gillard-2024",
            "--base",
            base.toString(),
            "--out",
            fromCsv.toString(),
            "--sources",
            SOURCES);
    assertEquals(0, a.exit(), a.out() + a.err());
    assertTrue(a.out().contains("3 CMOC(s), 12 evidence item(s); it validates"), a.out());
    // The example sheet says each item's kind, so nothing is written as a finding unasked.
    assertFalse(a.err().contains("IMPORT-NO-KIND"), a.err());
    Run b =
        run(
            "import",
            EXAMPLES.resolve("gillard-2024.xlsx").toString(),
            "--study",
            "gillard-2024",
            "--base",
            base.toString(),
            "--out",
            fromXlsx.toString(),
            "--sources",
            SOURCES);
    assertEquals(0, b.exit(), b.out() + b.err());
    assertEquals(Files.readString(fromCsv), Files.readString(fromXlsx));
    // The study facts, the actors and their comments come from the base file, verbatim.
    String text = Files.readString(fromCsv);
    String before = Files.readString(base);
    // The example sheet's actor 'trial-participants (service-user)', which the base lacks, joins
    // the base's actors, after them, with the type the sheet gives.
    assertTrue(
        text.startsWith(
            before.substring(0, before.indexOf("\ncontexts:"))
                + "  - id: trial-participants\n    description: trial participants\n"
                + "    type: service-user\n"),
        text);
    assertTrue(text.endsWith(before.substring(before.indexOf("# Extraction provenance"))), text);
    // Format 2: study-level contexts and outcomes (with their catalogue concepts), context links
    // with roles, outcome patterns without a mechanism, chains, kinds.
    assertTrue(text.contains("\ncontexts:\n  - id: participant-engagement\n"), text);
    assertTrue(text.contains("      - context: rural-areas\n        role: blocking\n"), text);
    assertTrue(text.contains("    kind: outcome-pattern\n"), text);
    assertFalse(text.contains("mechanism:"), "gillard-2024 names no mechanism: " + text);
    assertTrue(text.contains("    concept: fidelity-to-peer-principles\n"), text);
    assertTrue(
        text.contains(
            "    outcomes: [high-consistency, higher-engagement, higher-fidelity]\n"
                + "    leads_to: [engagement-and-outcome]\n"),
        text);
    assertTrue(
        text.contains(
            "  - id: low-geography\n    cmocs: [low-engagement-fidelity-sites]\n"
                + "    kind: recommendation\n"),
        text);
    assertTrue(text.contains("    for: trial-participants\n"), text);
    assertFalse(text.contains("response"), text);
  }

  @Test
  void aNewFileFromASimpleSheetValidates(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("gillard-2024.yaml");
    Run r =
        run(
            "import",
            Repo.testResources().resolve("import/simple-semicolon.csv").toString(),
            "--out",
            out.toString(),
            "--sources",
            SOURCES,
            "--title",
            "Implementing peer support into practice in mental health services: a qualitative"
                + " comparative case study",
            "--source",
            "gillard-2024-implementation.txt",
            "--extractor",
            "A. Reviewer",
            "--date",
            "2026-11-22");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("warning IMPORT-UNMATCHED-MECHANISM"), r.err());
    assertTrue(r.out().contains("1 line(s) marked CHECK; it validates"), r.out());
    String text = Files.readString(out);
    assertTrue(text.startsWith("# yaml-language-server: $schema="), text);
    assertTrue(text.contains("# CHECK: chosen by label similarity"), text);
  }

  @Test
  void anExistingFileIsReplacedOnlyWithForceAndARefusedImportWritesNothing(@TempDir Path tmp)
      throws IOException {
    Path out = tmp.resolve("gillard-2024.yaml");
    Files.copy(BASE, out);
    byte[] before = Files.readAllBytes(out);
    Run r = run("import", EXAMPLES.resolve("gillard-2024.csv").toString(), "--out", out.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("IMPORT-EXISTS"), r.err());
    Run bad =
        run(
            "import",
            Repo.testResources().resolve("import/bad-values.csv").toString(),
            "--out",
            tmp.resolve("x.yaml").toString(),
            "--force");
    assertEquals(1, bad.exit());
    assertTrue(bad.err().contains("import refused: 4 error(s); nothing was written"), bad.err());
    assertFalse(Files.exists(tmp.resolve("x.yaml")));
    assertEquals(new String(before), Files.readString(out));
  }

  @Test
  void aBaseWhoseSectionsCannotBeReplacedAloneIsRefused(@TempDir Path tmp) throws IOException {
    // The same extraction as JSON: rewriting it whole would lose nothing here, but a researcher's
    // layout and comments elsewhere, so the import refuses rather than rewrite.
    Object tree =
        new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .readValue(BASE.toFile(), Object.class);
    Path json = tmp.resolve("gillard-2024.json");
    new ObjectMapper().writeValue(json.toFile(), tree);
    Run r =
        run(
            "import",
            EXAMPLES.resolve("gillard-2024.csv").toString(),
            "--study",
            "gillard-2024",
            "--base",
            json.toString(),
            "--out",
            tmp.resolve("gillard-2024.yaml").toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(
        r.err().contains("IMPORT-BAD-BASE cannot replace only the contexts, outcomes, cmocs and"),
        r.err());
    assertFalse(Files.exists(tmp.resolve("gillard-2024.yaml")));
  }

  @Test
  void jsonOutputForScripts(@TempDir Path tmp) throws IOException {
    Run r =
        run(
            "import",
            EXAMPLES.resolve("gillard-2024.csv").toString(),
            "--json",
            "--base",
            BASE.toString(),
            "--out",
            tmp.resolve("gillard-2024.yaml").toString(),
            "--sources",
            SOURCES);
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertTrue(json.get("ok").asBoolean());
    assertEquals("gillard-2024", json.at("/files/0/study").asText());
    assertEquals(12, json.at("/files/0/evidence").asInt());
    assertTrue(json.at("/files/0/valid").asBoolean());
    Run bad =
        run("import", Repo.testResources().resolve("import/bad-values.csv").toString(), "--json");
    assertEquals(1, bad.exit());
    JsonNode problems = new ObjectMapper().readTree(bad.out()).get("problems");
    assertEquals("IMPORT-BAD-VALUE", problems.get(0).get("code").asText());
    assertEquals(2, problems.get(0).get("line").asInt());
    assertEquals(4, problems.get(0).get("column").asInt());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(
        2,
        run("import", EXAMPLES.resolve("gillard-2024.csv").toString(), "--map", "Foo=nonsense")
            .exit());
    assertEquals(
        2,
        run("import", EXAMPLES.resolve("gillard-2024.csv").toString(), "--study", "Not An Id")
            .exit());
    assertEquals(
        2,
        run("import", Repo.data().resolve("sources/gillard-2024-implementation.txt").toString())
            .exit());
  }

  // ---- malformed workbooks, each made from the example CSV and then spoiled ----

  static List<String> problems(Path xlsx, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "import", xlsx.toString(), "--out", xlsx.resolveSibling("out.yaml").toString()));
    args.addAll(List.of(more));
    Run r = run(args.toArray(String[]::new));
    assertEquals(1, r.exit(), r.out() + r.err());
    assertFalse(Files.exists(xlsx.resolveSibling("out.yaml")), "nothing written");
    return r.err()
        .lines()
        .filter(l -> l.contains(".xlsx:"))
        .map(l -> l.substring(l.indexOf(".xlsx:") + 1))
        .toList();
  }

  @Test
  void mergedCellsAreRefusedAtTheirFirstCell(@TempDir Path tmp) throws IOException {
    Path xlsx = tmp.resolve("merged.xlsx");
    // Rows 2-4 are evidence of one CMOC; merging its label cells is what a reader of the sheet
    // does.
    Workbooks.fromCsv(
        EXAMPLES.resolve("gillard-2024.csv"),
        xlsx,
        "CMOCs",
        sheet -> sheet.addMergedRegion(new CellRangeAddress(1, 3, 4, 4)));
    assertEquals(
        List.of(
            "xlsx:2:5: IMPORT-MERGED-CELLS sheet 'CMOCs', cells E2:E4 are merged: the value stands"
                + " in its first cell only; unmerge them and repeat the value in every row"),
        problems(xlsx));
  }

  @Test
  void formulasAndErrorCellsAreRefused(@TempDir Path tmp) throws IOException {
    Path xlsx = tmp.resolve("formula.xlsx");
    Workbooks.fromCsv(
        EXAMPLES.resolve("gillard-2024.csv"),
        xlsx,
        "CMOCs",
        sheet -> {
          // Rows 5 and 6 hold items that bear on one CMOC only: an item on several CMOCs stands
          // on several rows, which would then also disagree (IMPORT-CONFLICT).
          sheet.getRow(4).getCell(27).setCellFormula("CONCATENATE(AB4,\" \")");
          sheet
              .getRow(5)
              .getCell(28)
              .setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.REF.getCode());
        });
    List<String> p = problems(xlsx);
    assertEquals(2, p.size(), p.toString());
    assertTrue(
        p.get(0)
            .startsWith(
                "xlsx:5:28: IMPORT-FORMULA sheet 'CMOCs', AB5 holds a formula"
                    + " (=CONCATENATE(AB4,\" \"))"),
        p.get(0));
    assertEquals(
        "xlsx:6:29: IMPORT-CELL-ERROR sheet 'CMOCs', AC6 holds an error value (#REF!)", p.get(1));
  }

  @Test
  void emptyRowsAreReportedAndSkipped(@TempDir Path tmp) throws IOException {
    Path xlsx = tmp.resolve("gaps.xlsx");
    Workbooks.fromCsv(
        EXAMPLES.resolve("gillard-2024.csv"),
        xlsx,
        "CMOCs",
        sheet -> sheet.shiftRows(5, sheet.getLastRowNum(), 2));
    Path out = tmp.resolve("gillard-2024.yaml");
    Run r =
        run(
            "import",
            xlsx.toString(),
            "--out",
            out.toString(),
            "--sources",
            SOURCES,
            "--base",
            BASE.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.err()
            .contains(
                "gaps.xlsx:6:1: warning IMPORT-EMPTY-ROW sheet 'CMOCs', rows 6-7 are empty inside"
                    + " the table; skipped"),
        r.err());
    assertTrue(r.out().contains("12 evidence item(s); it validates"), r.out());
  }

  @Test
  void wrongHeadersAndAMissingSheetAreNamed(@TempDir Path tmp) throws IOException {
    Path xlsx = tmp.resolve("headers.xlsx");
    Workbooks.fromCsv(
        EXAMPLES.resolve("gillard-2024.csv"),
        xlsx,
        "CMOCs",
        sheet -> {
          sheet.getRow(0).getCell(27).setCellValue("Qoute");
          sheet.getRow(0).getCell(31).setCellValue("Position");
        });
    assertEquals(
        List.of(
            "xlsx:1:1: IMPORT-MISSING-COLUMN sheet 'CMOCs', row 1: no 'quote' column; the headers"
                + " are: "
                + headers(xlsx),
            "xlsx:1:1: IMPORT-MISSING-COLUMN sheet 'CMOCs', row 1: no 'stance' column; the headers"
                + " are: "
                + headers(xlsx),
            "xlsx:1:28: warning IMPORT-UNKNOWN-COLUMN sheet 'CMOCs', cell AB1: column 'Qoute' is not"
                + " part of the layout and is ignored; did you mean 'quote'? (map it with --map"
                + " 'Qoute=COLUMN')",
            "xlsx:1:32: warning IMPORT-UNKNOWN-COLUMN sheet 'CMOCs', cell AF1: column 'Position' is"
                + " not part of the layout and is ignored (map it with --map 'Position=COLUMN')"),
        problems(xlsx));
    assertEquals(
        List.of("xlsx:1:1: IMPORT-NO-SHEET no sheet named 'Sheet1'; the workbook has: CMOCs"),
        problems(xlsx, "--sheet", "Sheet1"));
  }

  private static String headers(Path xlsx) {
    return String.join(", ", Workbooks.rows(xlsx).get(0));
  }
}
