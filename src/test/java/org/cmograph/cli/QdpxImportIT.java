package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.cmograph.testing.QdpxBuilder;
import org.cmograph.testing.Repo;
import org.cmograph.testing.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cmograph import FILE.qdpx --codes MAPPING.yaml} on a project coded from the real
 * gillard-2024 abstract (built by {@link QdpxBuilder}, bundled as examples/gillard-2024.qdpx), and
 * on broken and hostile projects.
 */
class QdpxImportIT {
  static final Path EXAMPLES = Repo.root().resolve("examples");
  static final Path SOURCE = Repo.data().resolve("sources/gillard-2024-implementation.txt");
  static final String TITLE =
      "Implementing peer support into practice in mental health services: a qualitative comparative"
          + " case study";

  /** The segments a researcher coded in the abstract, and with which codes. */
  static QdpxBuilder example() throws IOException {
    String text = Files.readString(SOURCE, StandardCharsets.UTF_8);
    return new QdpxBuilder("Gillard 2024: implementing peer support (realist coding)")
        .source("gillard-2024-implementation", text)
        .code(
            "In the trial, level of participant engagement with peer support was associated with"
                + " better outcome (hospital readmission).",
            "Outcomes/Higher engagement",
            "Outcomes/Hospital readmission")
        .code(
            "In high engagement-high fidelity sites, there was regular work with clinical teams"
                + " preparing for working alongside peer workers, and a positive relationship"
                + " between staff on inpatient wards and peer workers.",
            "Contexts/Clinical team preparation",
            "Contexts/Positive ward relationships")
        .code(
            "The supervisor role was well resourced, and delivery of peer support was highly"
                + " consistent with the intervention manual.",
            "Contexts/Well-resourced supervision",
            "Outcomes/Highly consistent delivery")
        .code(
            "In low engagement-low fidelity sites peer workers were employed in not-for-profit"
                + " organisations to support people using public mental health services and in"
                + " rural areas.",
            "Contexts/Not-for-profit employment",
            "Contexts/Rural areas")
        .codeWithMemo(
            "Supervisors faced constrained resources and experienced barriers to joint working"
                + " between organisations.",
            "From the supervisors' interviews.",
            "Contexts/Constrained supervision",
            "Voices/Supervisors")
        .code(
            "In these sites, peer workers could experience challenging relationships with ward"
                + " staff.",
            "Contexts/Challenging ward relationships")
        .code(
            "Issues of geography and capacity limited opportunities for supervision and"
                + " team-building, impacting consistency of delivery.",
            "Contexts/Rural areas",
            "Outcomes/Reduced consistency of delivery");
  }

  static Map<String, String> entries(Path zip) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (ZipEntry e : java.util.Collections.list(z.entries())) {
        try (InputStream in = z.getInputStream(e)) {
          out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  @Test
  void theBundledProjectIsWhatTheBuilderMakesFromTheRealSource(@TempDir Path tmp)
      throws IOException {
    Path built = tmp.resolve("gillard-2024.qdpx");
    example().write(built);
    Path bundled = EXAMPLES.resolve("gillard-2024.qdpx");
    if (Snapshots.updating() || !Files.exists(bundled)) {
      example().write(bundled);
    }
    assertEquals(entries(built), entries(bundled), "rebuild it with -Dsnapshots.update=true");
  }

  static SpreadsheetImportIT.Run importExample(Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "import",
                EXAMPLES.resolve("gillard-2024.qdpx").toString(),
                "--study",
                "gillard-2024",
                "--codes",
                EXAMPLES.resolve("gillard-2024.codes.yaml").toString(),
                "--title",
                TITLE,
                "--out",
                out.toString(),
                "--extractor",
                "A. Reviewer",
                "--date",
                "2026-11-22"));
    args.addAll(List.of(more));
    return SpreadsheetImportIT.run(args.toArray(String[]::new));
  }

  @Test
  void codedSegmentsBecomeVerbatimEvidenceWithTheirPositions(@TempDir Path tmp) throws IOException {
    Path sources = Files.createDirectories(tmp.resolve("sources"));
    Path out = tmp.resolve("studies/gillard-2024.yaml");
    SpreadsheetImportIT.Run r = importExample(out, "--sources", sources.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    // The project's text is registered as the study's source, byte for byte the real one.
    assertEquals(
        Files.readString(SOURCE),
        Files.readString(sources.resolve("gillard-2024-implementation.txt")));
    assertTrue(r.out().contains("registered source text"), r.out());
    assertTrue(
        r.out().contains("study gillard-2024, 2 CMOC(s), 7 evidence item(s); it validates"),
        r.out());
    String yaml = Files.readString(out);
    String text = Files.readString(SOURCE);
    String quote =
        "Supervisors faced constrained resources and experienced barriers to joint working between"
            + " organisations.";
    int start = text.indexOf(quote);
    assertTrue(
        yaml.contains("location: Abstract, characters " + start + "-" + (start + quote.length())),
        yaml);
    assertTrue(
        yaml.contains("perspective: supervisor"),
        "the Voices/Supervisors code sets the perspective");
    assertTrue(
        yaml.contains("note: From the supervisors' interviews."),
        "the selection's memo is the note");
    // The segment coded for two outcomes of one CMOC is one item about both.
    assertTrue(yaml.contains("about: [higher-engagement, hospital-readmission]"), yaml);
    // Format 2: study-level contexts and outcomes, roles on the links, kinds from the mapping.
    assertTrue(yaml.contains("\nformat: 2\n"), yaml);
    assertTrue(yaml.contains("\nactors:\n  - id: service-users\n"), yaml);
    assertTrue(yaml.contains("      - context: rural-areas\n        role: blocking\n"), yaml);
    // Both site groups are outcome patterns: the mapping gives them no mechanism, nor does the
    // file.
    assertTrue(yaml.contains("    kind: outcome-pattern\n"), yaml);
    assertFalse(yaml.contains("mechanism:"), yaml);
    assertTrue(yaml.contains("    for: service-users\n"), yaml);
    assertTrue(yaml.contains("    kind: finding\n"), yaml);
    assertFalse(r.err().contains("IMPORT-NO-KIND"), r.err());
    // A second import registers nothing new: the same text is already there.
    SpreadsheetImportIT.Run again = importExample(out, "--sources", sources.toString(), "--force");
    assertEquals(0, again.exit(), again.err());
    assertFalse(again.out().contains("registered source text"), again.out());
  }

  @Test
  void theBundledSourceIsReusedWhenIdentical(@TempDir Path tmp) {
    SpreadsheetImportIT.Run r =
        importExample(
            tmp.resolve("gillard-2024.yaml"),
            "--sources",
            Repo.data().resolve("sources").toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertFalse(r.out().contains("registered source text"));
  }

  @Test
  void aDifferentTextUnderTheSameNameIsNotOverwritten(@TempDir Path tmp) throws IOException {
    Path sources = Files.createDirectories(tmp.resolve("sources"));
    Files.writeString(sources.resolve("gillard-2024-implementation.txt"), "another text");
    SpreadsheetImportIT.Run r =
        importExample(tmp.resolve("gillard-2024.yaml"), "--sources", sources.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("QDPX-SOURCE-EXISTS"), r.err());
    assertEquals(
        "another text", Files.readString(sources.resolve("gillard-2024-implementation.txt")));
    assertFalse(Files.exists(tmp.resolve("gillard-2024.yaml")));
  }

  static List<String> problems(Path qdpx, Path codes, Path tmp) {
    SpreadsheetImportIT.Run r =
        SpreadsheetImportIT.run(
            "import",
            qdpx.toString(),
            "--study",
            "gillard-2024",
            "--codes",
            codes.toString(),
            "--title",
            TITLE,
            "--out",
            tmp.resolve("out.yaml").toString(),
            "--sources",
            tmp.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertFalse(Files.exists(tmp.resolve("out.yaml")));
    return r.err()
        .lines()
        .filter(l -> !l.startsWith("import refused"))
        .map(l -> l.replace(tmp + "/", ""))
        .toList();
  }

  @Test
  void aDtdIsRefusedAndNoExternalEntityIsRead(@TempDir Path tmp) throws IOException {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET");
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE Project [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>\n"
            + "<Project xmlns=\"urn:QDA-XML:project:1.0\""
            + " name=\"&x;\"><CodeBook><Codes/></CodeBook></Project>\n";
    Path qdpx = tmp.resolve("xxe.qdpx");
    example().projectXml(xml).write(qdpx);
    List<String> p = problems(qdpx, EXAMPLES.resolve("gillard-2024.codes.yaml"), tmp);
    assertEquals(1, p.size(), p.toString());
    assertTrue(p.get(0).startsWith("xxe.qdpx/project.qde:2:"), p.get(0));
    assertTrue(p.get(0).contains("QDPX-XML project.qde declares a DTD; refused"), p.get(0));
    assertFalse(String.join("\n", p).contains("TOP-SECRET"));
  }

  @Test
  void brokenProjectsGetPositionedProblems(@TempDir Path tmp) throws IOException {
    Path notZip = Files.writeString(tmp.resolve("plain.qdpx"), "not a zip");
    assertTrue(
        problems(notZip, EXAMPLES.resolve("gillard-2024.codes.yaml"), tmp)
            .get(0)
            .contains("QDPX-NOT-ZIP"));

    Path badXml = tmp.resolve("bad.qdpx");
    example()
        .projectXml("<?xml version=\"1.0\"?>\n<Project>\n  <CodeBook>\n</Project>\n")
        .write(badXml);
    List<String> p = problems(badXml, EXAMPLES.resolve("gillard-2024.codes.yaml"), tmp);
    assertTrue(p.get(0).startsWith("bad.qdpx/project.qde:4:"), p.toString());
    assertTrue(p.get(0).contains("QDPX-XML project.qde is not well-formed XML"), p.toString());

    Path outside = tmp.resolve("positions.qdpx");
    example().codeAt(3000, 3500, "Contexts/Rural areas").write(outside);
    p = problems(outside, EXAMPLES.resolve("gillard-2024.codes.yaml"), tmp);
    assertEquals(1, p.size(), p.toString());
    assertTrue(
        p.get(0)
            .matches(
                "positions\\.qdpx/project\\.qde:\\d+:\\d+: QDPX-BAD-POSITION selection '[0-9A-F-]+'"
                    + " spans characters 3000-3500, outside the \\d+ characters of source"
                    + " 'gillard-2024-implementation'"),
        p.get(0));
  }

  @Test
  void mappingMistakesArePlacedInTheMappingFile(@TempDir Path tmp) throws IOException {
    String mapping =
        Files.readString(EXAMPLES.resolve("gillard-2024.codes.yaml"))
            .replace("code: Contexts/Rural areas", "code: Contexts/Rural area")
            .replace("    perspective: supervisor", "    perspective: supervisors-group")
            .replace("  location: Abstract  ", "  place: Abstract     ");
    Path codes = Files.writeString(tmp.resolve("codes.yaml"), mapping);
    List<String> p = problems(EXAMPLES.resolve("gillard-2024.qdpx"), codes, tmp);
    assertEquals(1, p.size(), p.toString());
    assertTrue(
        p.get(0).startsWith("codes.yaml:15:3: UNKNOWN-KEY unknown key 'place' in evidence"),
        p.get(0));
    Files.writeString(codes, mapping.replace("  place: Abstract     ", "  location: Abstract  "));
    p = problems(EXAMPLES.resolve("gillard-2024.qdpx"), codes, tmp);
    assertEquals(
        List.of(
            "codes.yaml:19:18: IMPORT-BAD-VALUE perspective 'supervisors-group' is not one of"
                + " service-user, peer-worker, staff, manager, supervisor, recipient, facilitator,"
                + " carer, mixed",
            "codes.yaml:72:15: QDPX-UNKNOWN-CODE the project has no code 'Contexts/Rural area'; did"
                + " you mean 'Contexts/Rural areas'? (its codes: Outcomes, Outcomes/Higher"
                + " engagement, Outcomes/Hospital readmission, Outcomes/Highly consistent delivery,"
                + " Outcomes/Reduced consistency of delivery, Contexts, Contexts/Clinical team preparation, Contexts/Positive ward"
                + " relationships, Contexts/Well-resourced supervision, Contexts/Not-for-profit"
                + " employment, Contexts/Rural areas, Contexts/Constrained supervision,"
                + " Contexts/Challenging ward relationships, Voices, Voices/Supervisors)"),
        p);
  }

  @Test
  void aContextWithoutARoleIsRefusedAndAMappingWithoutKindsIsReported(@TempDir Path tmp)
      throws IOException {
    String mapping = Files.readString(EXAMPLES.resolve("gillard-2024.codes.yaml"));
    Path codes =
        Files.writeString(
            tmp.resolve("codes.yaml"), mapping.replaceFirst("(?m)^        role: enabling\n", ""));
    List<String> p = problems(EXAMPLES.resolve("gillard-2024.qdpx"), codes, tmp);
    assertEquals(1, p.size(), p.toString());
    assertTrue(
        p.get(0)
            .startsWith(
                "codes.yaml:31:9: IMPORT-MISSING-ROLE context 'clinical-team-preparation' of CMOC"
                    + " 'high-engagement-fidelity-sites' has no role"),
        p.get(0));
    Files.writeString(codes, mapping.replace("  kind: finding ", "  # no kind "));
    SpreadsheetImportIT.Run r =
        SpreadsheetImportIT.run(
            "import",
            EXAMPLES.resolve("gillard-2024.qdpx").toString(),
            "--codes",
            codes.toString(),
            "--title",
            TITLE,
            "--out",
            tmp.resolve("gillard-2024.yaml").toString(),
            "--sources",
            Repo.data().resolve("sources").toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(
        r.err().contains("warning IMPORT-NO-KIND the mapping gives no evidence kind, so all 7"),
        r.err());
  }

  @Test
  void aQdpxNeedsItsMapping(@TempDir Path tmp) {
    SpreadsheetImportIT.Run r =
        SpreadsheetImportIT.run(
            "import", EXAMPLES.resolve("gillard-2024.qdpx").toString(), "--study", "gillard-2024");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("QDPX-NO-MAPPING"), r.err());
  }
}
