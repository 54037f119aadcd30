package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cmograph new}: the template is a format 2 file that shows every part a researcher fills
 * in, and once its TODOs are filled from a real source it validates.
 */
class NewCommandIT {
  @Test
  void theTemplateIsFormatTwoAndValidatesOnceFilled(@TempDir Path tmp) throws IOException {
    Path studies = Files.createDirectories(tmp.resolve("data/studies"));
    Path sources = Files.createDirectories(tmp.resolve("data/sources"));
    Files.copy(
        Repo.data().resolve("sources/gillard-2024-implementation.txt"),
        sources.resolve("gillard-2024-implementation.txt"));
    SpreadsheetImportIT.Run r =
        SpreadsheetImportIT.run("new", "smith-2023", "--dir", studies.toString());
    assertEquals(0, r.exit(), r.err());
    Path file = studies.resolve("smith-2023.yaml");
    String template = Files.readString(file);
    for (String part :
        new String[] {
          "\nformat: 2\n",
          "\nactors:",
          "\ncontexts:",
          "\noutcomes:",
          "    kind: configuration",
          "      - context: todo-context\n        role: enabling",
          "      not_reported: [reasoning]",
          "  #   kind: outcome-pattern",
          "    kind: finding",
          "    cmocs: [todo-cmoc]"
        }) {
      assertTrue(template.contains(part), part);
    }
    assertFalse(template.contains("response"), "format 2 says reasoning");

    SpreadsheetImportIT.Run unfilled = SpreadsheetImportIT.run("validate", file.toString());
    assertEquals(1, unfilled.exit(), "a template with TODOs is not yet a valid study");
    assertTrue(unfilled.out().contains("SOURCE-NOT-FOUND"), unfilled.out());

    String filled =
        template
            .replace("TODO-source.txt", "gillard-2024-implementation.txt")
            .replace(
                "TODO copy the passage verbatim from the source text",
                "The supervisor role was well resourced, and delivery of peer support was highly"
                    + " consistent with the intervention manual.")
            .replace("TODO ", "");
    Files.writeString(file, filled);
    SpreadsheetImportIT.Run valid = SpreadsheetImportIT.run("validate", file.toString());
    assertEquals(0, valid.exit(), valid.out() + valid.err());
  }

  /**
   * {@code new --source}: a JATS article is registered as data/sources/ID.txt and its front matter
   * fills the study's title, authors, journal, year and DOI (the rest stays to fill in).
   */
  @Test
  void aJatsSourceIsRegisteredAndFillsTheStudysFields(@TempDir Path tmp) throws IOException {
    Path studies = tmp.resolve("data/studies");
    Path sources = tmp.resolve("data/sources");
    SpreadsheetImportIT.Run r =
        SpreadsheetImportIT.run(
            "new",
            "gillard-2014",
            "--dir",
            studies.toString(),
            "--source",
            Repo.root().resolve("examples/gillard-2014-change-model.nxml").toString(),
            "--sources",
            sources.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.isRegularFile(sources.resolve("gillard-2014.txt")));
    assertTrue(Files.isRegularFile(sources.resolve("gillard-2014.map.json")));
    String study = Files.readString(studies.resolve("gillard-2014.yaml"));
    for (String line :
        new String[] {
          "\n  title: \"Developing a change model for peer worker interventions in mental health"
              + " services: a qualitative research study\"\n",
          "\n  authors: [\"Gillard S\"",
          "\n  year: 2015\n",
          "\n  journal: \"Epidemiology and Psychiatric Sciences\"\n",
          "\n  doi: \"10.1017/S2045796014000407\"\n",
          "\n  file: gillard-2014.txt "
        }) {
      assertTrue(study.contains(line), line + " in:\n" + study);
    }
    assertTrue(
        r.out().contains("filled from the source: title, authors, year, journal, doi"), r.out());
    // Still a template: the parts only a reviewer can judge are left to fill.
    SpreadsheetImportIT.Run check =
        SpreadsheetImportIT.run("validate", studies.resolve("gillard-2014.yaml").toString());
    assertEquals(1, check.exit());
    assertFalse(check.out().contains("SOURCE-NOT-FOUND"), check.out());
  }

  /** A PDF gives what its metadata or first page says; an unreadable source writes nothing. */
  @Test
  void aPdfSourceFillsItsTitleAndAScanWritesNothing(@TempDir Path tmp) throws IOException {
    Path pdf = tmp.resolve("paper.pdf");
    new org.cmograph.testing.TestPdf()
        .title("Developing a change model for peer worker interventions")
        .write(
            org.cmograph.testing.BundledQuotes.paragraphsOf("gillard-2014-change-model.txt"), pdf);
    Path studies = tmp.resolve("studies");
    Path sources = tmp.resolve("sources");
    SpreadsheetImportIT.Run r =
        SpreadsheetImportIT.run(
            "new",
            "gillard-2014",
            "--dir",
            studies.toString(),
            "--source",
            pdf.toString(),
            "--sources",
            sources.toString());
    assertEquals(0, r.exit(), r.err());
    String study = Files.readString(studies.resolve("gillard-2014.yaml"));
    assertTrue(
        study.contains("\n  title: \"Developing a change model for peer worker interventions\"\n"),
        study);
    assertTrue(study.contains("\n  file: gillard-2014.txt "), study);

    Path scan = tmp.resolve("scan.pdf");
    try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
      doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
      doc.save(scan.toFile());
    }
    SpreadsheetImportIT.Run refused =
        SpreadsheetImportIT.run(
            "new",
            "smith-2023",
            "--dir",
            studies.toString(),
            "--source",
            scan.toString(),
            "--sources",
            sources.toString());
    assertEquals(1, refused.exit());
    assertTrue(refused.err().contains("nothing was written"), refused.err());
    assertFalse(Files.exists(studies.resolve("smith-2023.yaml")));
    assertFalse(Files.exists(sources.resolve("smith-2023.txt")));
  }
}
