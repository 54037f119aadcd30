package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cmograph summary} as a programme-theory author runs it, after loading the bundled studies
 * and theory.
 */
class SummaryCommandIT {
  static CliIT.Run load(String store) {
    return CliIT.run(
        "load",
        Repo.data().resolve("studies").toString(),
        Repo.data().resolve("programme-theory.yaml").toString(),
        "--store",
        store);
  }

  @Test
  void summariesFromALoadedStore(@TempDir Path tmp) throws IOException {
    String store = tmp.resolve("store").toString();
    CliIT.Run load = load(store);
    assertEquals(0, load.exit(), load.err());

    CliIT.Run one =
        CliIT.run(
            "summary",
            "--mechanism",
            "hope",
            "--theory-cmoc",
            "hope-through-new-paths",
            "--store",
            store);
    assertEquals(0, one.exit(), one.err());
    assertTrue(one.out().startsWith("<a id=\"top\"></a>\n\n# Evidence summaries\n"), one.out());
    assertTrue(
        one.out().contains("## Theory CMOC: A sense of hope by working out new paths to recovery"),
        one.out());
    assertTrue(one.out().contains("## Mechanism: Hope"), one.out());
    assertTrue(one.out().contains("**Data as of 2026-12-06**"), one.out());

    Path out = tmp.resolve("site");
    CliIT.Run site =
        CliIT.run("summary", "--format", "html", "--out", out.toString(), "--store", store);
    assertEquals(0, site.exit(), site.err());
    assertTrue(site.out().startsWith("wrote "), site.out());
    for (String f :
        new String[] {
          "index.html",
          "mechanism-trusting-relationship.html",
          "summary-of-qualitative-findings.csv",
          "evidence-profile.csv",
          "evidence-matrix.csv"
        }) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    assertTrue(
        Files.readString(out.resolve("index.html"))
            .contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"theory-diagram\""));
  }

  @Test
  void unknownIdsAndFormatsAreUsageErrors(@TempDir Path tmp) {
    String store = tmp.resolve("store").toString();
    assertEquals(0, load(store).exit());
    CliIT.Run typo = CliIT.run("summary", "--mechanism", "trusting-relationshp", "--store", store);
    assertEquals(2, typo.exit());
    assertTrue(
        typo.err()
            .contains(
                "no mechanism 'trusting-relationshp' with evidence or in the theory; did you mean 'trusting-relationship'?"),
        typo.err());
    assertEquals(2, CliIT.run("summary", "--theory-cmoc", "trust", "--store", store).exit());
    CliIT.Run pdf = CliIT.run("summary", "--format", "pdf", "--store", store);
    assertEquals(2, pdf.exit());
    assertTrue(pdf.err().contains("unknown format 'pdf'; use md, html, json or docx"), pdf.err());
    CliIT.Run docx = CliIT.run("summary", "--format", "docx", "--store", store);
    assertEquals(2, docx.exit());
    assertTrue(
        docx.err()
            .contains(
                "--format docx writes a Word file; give the folder to write it into with --out DIR"),
        docx.err());
    CliIT.Run docxOne =
        CliIT.run(
            "summary",
            "--format",
            "docx",
            "--mechanism",
            "hope",
            "--out",
            tmp.resolve("w").toString(),
            "--store",
            store);
    assertEquals(2, docxOne.exit());
    assertTrue(docxOne.err().contains("--format docx covers the whole theory"), docxOne.err());
    assertTrue(!Files.exists(tmp.resolve("w")), "nothing written on a usage error");
  }

  @Test
  void jsonAndWordFromALoadedStore(@TempDir Path tmp) throws IOException {
    String store = tmp.resolve("store").toString();
    assertEquals(0, load(store).exit());

    CliIT.Run json = CliIT.run("summary", "--format", "json", "--store", store);
    assertEquals(0, json.exit(), json.err());
    JsonNode doc = new ObjectMapper().readTree(json.out());
    assertEquals("cmograph-summary/1", doc.get("schema").asText());
    JsonNode top = doc.get("sections").get(0);
    assertEquals(
        "Programme theory of peer support in mental health services", top.get("heading").asText());
    List<String> headings = new ArrayList<>();
    top.get("sections").forEach(s -> headings.add(s.get("heading").asText()));
    assertTrue(
        headings.containsAll(
            List.of("Summary of Qualitative Findings", "Evidence Profile", "Evidence appendix")),
        headings.toString());
    assertTrue(json.out().contains("\"type\": \"count\""), "counts with their evidence ids");

    Path out = tmp.resolve("json");
    CliIT.Run pages =
        CliIT.run("summary", "--format", "json", "--out", out.toString(), "--store", store);
    assertEquals(0, pages.exit(), pages.err());
    for (String f :
        new String[] {
          "index.json", "evidence-appendix.json", "mechanism-hope.json", "evidence-profile.csv"
        }) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    assertEquals(
        "evidence-appendix",
        new ObjectMapper()
            .readTree(out.resolve("evidence-appendix.json").toFile())
            .get("page")
            .asText());

    Path word = tmp.resolve("word");
    CliIT.Run docx =
        CliIT.run("summary", "--format", "docx", "--out", word.toString(), "--store", store);
    assertEquals(0, docx.exit(), docx.err());
    assertTrue(docx.out().startsWith("wrote ") && docx.out().contains("summary.docx"), docx.out());
    try (XWPFDocument d = new XWPFDocument(Files.newInputStream(word.resolve("summary.docx")))) {
      assertEquals(
          List.of("Summary of Qualitative Findings", "Evidence Profile", "Evidence appendix"),
          d.getParagraphs().stream()
              .filter(p -> "Heading1".equals(p.getStyle()))
              .map(p -> p.getText())
              .toList());
      assertEquals(
          10, d.getTables().get(0).getNumberOfRows(), "a header and nine theory configurations");
    }
  }
}
