package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.cmograph.testing.BundledQuotes;
import org.cmograph.testing.Repo;
import org.cmograph.testing.TestPdf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cmograph source add}: what it writes (text and map, both or neither), what it prints, and
 * how it refuses a scan, an existing id and a bad id.
 */
class SourceAddIT {
  @Test
  void aPdfIsRegisteredWithItsMapAndWhatWasFoundIsPrinted(@TempDir Path tmp) throws IOException {
    Path pdf = tmp.resolve("gillard.pdf");
    new TestPdf()
        .header("Epidemiology and Psychiatric Sciences")
        .pageNumbers()
        .ligatures()
        .linesPerPage(14)
        .write(BundledQuotes.paragraphsOf("gillard-2014-change-model.txt"), pdf);
    Path sources = tmp.resolve("sources");
    SpreadsheetImportIT.Run r =
        SpreadsheetImportIT.run(
            "source",
            "add",
            pdf.toString(),
            "--id",
            "gillard-2014-pdf",
            "--sources",
            sources.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.isRegularFile(sources.resolve("gillard-2014-pdf.txt")));
    assertTrue(Files.isRegularFile(sources.resolve("gillard-2014-pdf.map.json")));
    assertTrue(r.out().contains("from gillard.pdf (pdf)"), r.out());
    assertTrue(
        r.out().matches("(?s).*\\n  \\d+ characters, [2-9] pages, 0 sections\\n.*"), r.out());
    assertTrue(r.out().contains("word(s) hyphenated at a line end joined"), r.out());
    assertTrue(
        r.out().contains("running header(s), footer(s) or page number(s) kept out of the text"),
        r.out());
    assertTrue(
        r.out()
            .contains(
                "next: name it in the extraction file (source: {file: gillard-2014-pdf.txt})"));
    assertEquals(
        List.of("gillard-2014-pdf.map.json", "gillard-2014-pdf.txt"),
        names(sources),
        "no temporary file is left behind");
  }

  @Test
  void jatsFrontMatterIsOfferedForTheStudyFields(@TempDir Path tmp) {
    SpreadsheetImportIT.Run r =
        SpreadsheetImportIT.run(
            "source",
            "add",
            Repo.root().resolve("examples/gillard-2014-change-model.nxml").toString(),
            "--id",
            "gillard-2014",
            "--sources",
            tmp.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("    authors: Gillard S\n"), r.out());
    assertTrue(r.out().contains("    doi:     10.1017/S2045796014000407\n"), r.out());
    assertTrue(
        r.out().contains("  Abstract\n    Aims\n    Methods\n    Results\n    Conclusions\n"),
        r.out());
    assertTrue(r.out().contains("  could not read: the article has no <body>"), r.out());
  }

  @Test
  void anExistingIdIsKeptUnlessForced(@TempDir Path tmp) throws IOException {
    Path text = Files.writeString(tmp.resolve("a.txt"), "New text.\n");
    Files.writeString(tmp.resolve("x.txt"), "Old text.\n");
    SpreadsheetImportIT.Run refused =
        SpreadsheetImportIT.run(
            "source", "add", text.toString(), "--id", "x", "--sources", tmp.toString());
    assertEquals(1, refused.exit());
    assertTrue(
        refused.err().contains("x.txt already exists (source 'x' is registered; use --force"),
        refused.err());
    assertEquals("Old text.\n", Files.readString(tmp.resolve("x.txt")));
    SpreadsheetImportIT.Run forced =
        SpreadsheetImportIT.run(
            "source", "add", text.toString(), "--id", "x", "--sources", tmp.toString(), "--force");
    assertEquals(0, forced.exit(), forced.err());
    assertEquals("New text.\n", Files.readString(tmp.resolve("x.txt")));
    assertTrue(Files.exists(tmp.resolve("x.map.json")));
  }

  @Test
  void aScanIsRefusedAndNothingIsWritten(@TempDir Path tmp) throws IOException {
    Path pdf = tmp.resolve("scan.pdf");
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      doc.save(pdf.toFile());
    }
    Path sources = tmp.resolve("sources");
    SpreadsheetImportIT.Run r =
        SpreadsheetImportIT.run(
            "source", "add", pdf.toString(), "--id", "scan", "--sources", sources.toString());
    assertEquals(1, r.exit());
    assertTrue(
        r.err()
            .startsWith(
                "error: scan.pdf has no text layer on any of its 1 page(s): it is"
                    + " probably a scan."),
        r.err());
    assertTrue(r.err().contains("nothing was written"), r.err());
    assertFalse(Files.exists(sources.resolve("scan.txt")));
    assertFalse(Files.exists(sources.resolve("scan.map.json")));
  }

  @Test
  void aBadIdIsAUsageError(@TempDir Path tmp) throws IOException {
    Path text = Files.writeString(tmp.resolve("a.txt"), "Text.\n");
    SpreadsheetImportIT.Run r =
        SpreadsheetImportIT.run(
            "source", "add", text.toString(), "--id", "../escape", "--sources", tmp.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("'../escape' is not a valid source id"), r.err());
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path tmp) {
    SpreadsheetImportIT.Run r =
        SpreadsheetImportIT.run(
            "source",
            "add",
            tmp.resolve("nope.pdf").toString(),
            "--id",
            "nope",
            "--sources",
            tmp.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("nope.pdf is not a file"), r.err());
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
