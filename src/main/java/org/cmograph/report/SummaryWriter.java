package org.cmograph.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cmograph.report.Doc.Inline;

/**
 * What the evidence summaries say, as {@link Doc} blocks: the overview of the programme theory
 * (diagram, Summary of Qualitative Findings, Evidence Profile, evidence matrix) and one section per
 * theory CMOC or mechanism concept ({@link SectionWriter}). Every statement is read from the {@link
 * EvidenceBase}.
 */
final class SummaryWriter {
  private final EvidenceBase base;
  private final ConfidenceWriter confidence;
  private final SectionWriter sections;

  private EvidenceMatrix matrix;

  SummaryWriter(EvidenceBase base) {
    this(base, List.of());
  }

  /**
   * @param selection the "Search and selection" blocks of the overview (none without a log)
   */
  SummaryWriter(EvidenceBase base, List<Doc.Block> selection) {
    this.base = base;
    this.confidence = new ConfidenceWriter(base);
    this.sections = new SectionWriter(base, confidence);
    this.selection = List.copyOf(selection);
  }

  private final List<Doc.Block> selection;

  /** The evidence matrix of the (complete) base, computed once. */
  synchronized EvidenceMatrix matrix() {
    if (matrix == null) {
      matrix = EvidenceMatrix.of(base);
    }
    return matrix;
  }

  /** "Data as of ..." and the size of the evidence base: the only date the summaries carry. */
  List<Inline> dataAsOf() {
    List<Inline> out = new ArrayList<>();
    out.add(Doc.strong("Data as of " + base.dataAsOf()));
    out.add(
        Doc.text(
            " (the latest extraction date in the graph): "
                + Cerqual.plural(base.totals().studies(), "study", "studies")
                + ", "
                + Cerqual.plural(base.totals().cmocs(), "study CMOC", "study CMOCs")
                + ", "
                + Cerqual.plural(base.totals().evidence(), "finding", "findings")
                + base.theory()
                    .map(
                        t ->
                            "; programme theory '"
                                + t.id()
                                + "', "
                                + t.version()
                                + " version of "
                                + t.date())
                    .orElse("; no programme theory loaded")
                + "."));
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // Overview of the programme theory
  // ------------------------------------------------------------------------------------------

  List<Doc.Block> overview(List<Section> theory, List<Section> mechanisms) {
    Doc.Builder b = new Doc.Builder();
    Optional<EvidenceBase.Theory> t = base.theory();
    b.h(1, t.map(EvidenceBase.Theory::title).orElse("Evidence summaries"), "top");
    b.p(dataAsOf());
    if (t.isEmpty()) {
      b.p(
          Doc.text(
              "The store holds no programme theory (load data/programme-theory.yaml with the studies); the mechanism summaries follow."));
      selection.forEach(b::add);
    } else {
      EvidenceBase.Theory theoryData = t.get();
      if (theoryData.description() != null) {
        b.p(Doc.text(theoryData.description()));
      }
      List<Inline> version = new ArrayList<>();
      version.add(Doc.strong("Version: "));
      version.add(
          Doc.text(
              theoryData.version()
                  + ", "
                  + theoryData.date()
                  + (theoryData.authors().isEmpty()
                      ? ""
                      : ", by " + Text.list(theoryData.authors()))
                  + "."
                  + (theoryData.note() == null ? "" : " " + theoryData.note())));
      b.p(version);
      selection.forEach(b::add);
      b.h(2, "Diagram", "diagram");
      b.p(
          Doc.text(
              "Contexts (left) switch mechanisms (middle: the resource the programme offers → the reasoning it triggers) on or off; mechanisms lead to outcomes (right). Each edge carries the number of studies whose findings bear on that link and support (+), refine (~) or refute (−) it: findings about the whole configuration or the context → mechanism link on the edges into a mechanism, about the whole configuration or the mechanism → outcome link on the edges out of it, and a finding that names its outcomes only on the edge to those outcomes (support for one link is not support for another). \"No finding\": no finding bears on the link. Each mechanism box also counts the studies whose findings support, refine or refute its whole configuration, refutations by outcome patterns included."));
      b.add(new Doc.Diagram(TheoryDiagram.of(theory)));
      b.h(2, "Theory CMOCs", "theory-cmocs");
      b.add(theoryTable(theory));
      new TheoryRefinement(base, theoryData).overview().forEach(b::add);
      b.h(2, "Summary of Qualitative Findings", "summary-of-qualitative-findings");
      b.p(
          Doc.text(
              "The GRADE-CERQual Summary of Qualitative Findings table: one row per theory CMOC (review finding), with the review team's confidence and their explanation, as the theory file records them. A finding the team has not assessed says so and shows the computed indicators, which inform a judgement and are not one. Also exported as "),
          Doc.file(Summaries.SOQF_CSV),
          Doc.text("."));
      b.add(confidence.soqf(theory, this::studyLinks));
      b.h(2, "Evidence Profile", "evidence-profile");
      b.p(
          Doc.text(
              "The GRADE-CERQual Evidence Profile: each component's concern as the review team judged it, with their explanation, and beside it the indicator computed from the graph (labelled \"Computed\": findings only, related reports counted once, refining evidence not counted as incoherence). Also exported as "),
          Doc.file(Summaries.EVIDENCE_PROFILE_CSV),
          Doc.text("."));
      b.add(confidence.evidenceProfile(theory, this::studyLinks));
    }
    b.h(2, "Evidence matrix: mechanism × study", "evidence-matrix");
    EvidenceMatrix m = matrix();
    b.p(
        Doc.text(
            "Each cell classes one study's evidence for one mechanism: ✔ link (supporting evidence, none refuting), ✘ non-link (refuting evidence, none supporting), ? inconclusive (both, or only refining evidence), · no evidence; with the counts of supporting (+), refining (~) and refuting (−) evidence items. Columns are keyed S1, S2, ... (listed below the table). Also exported as "),
        Doc.file(Summaries.MATRIX_CSV),
        Doc.text("."));
    b.add(matrixTable(m));
    List<List<Inline>> keys = new ArrayList<>();
    List<String> columnKeys = m.columnKeys();
    for (int j = 0; j < m.studies().size(); j++) {
      EvidenceBase.Study s = m.studies().get(j);
      keys.add(
          List.of(
              Doc.strong(columnKeys.get(j)),
              Doc.text(": " + s.citation() + " — " + s.title() + " ("),
              Doc.study(s.id()),
              Doc.text(")")));
    }
    b.add(new Doc.Bullets(keys));
    b.h(2, "Mechanism summaries", "mechanisms");
    List<String> inTheory =
        t.map(x -> x.cmocs().stream().map(EvidenceBase.TheoryCmoc::concept).toList())
            .orElse(List.of());
    List<List<Inline>> items = new ArrayList<>();
    // By the names readers see, not by id.
    List<Section> byName = new ArrayList<>(mechanisms);
    byName.sort(
        java.util.Comparator.comparing((Section x) -> x.title().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(Section::id));
    for (Section s : byName) {
      List<Inline> item = new ArrayList<>();
      item.add(Doc.section(s.title(), s.slug()));
      item.add(
          Doc.text(
              " ("
                  + s.id()
                  + "): "
                  + Cerqual.plural(s.studies().size(), "study", "studies")
                  + ", "));
      item.add(Doc.count(Cerqual.plural(s.items().size(), "finding", "findings"), keys(s.items())));
      item.add(
          Doc.text(
              inTheory.contains(s.id()) || t.isEmpty()
                  ? ""
                  : "; not a mechanism of the programme theory"));
      items.add(item);
    }
    b.add(new Doc.Bullets(items));
    return b.build();
  }

  private Doc.Table theoryTable(List<Section> theory) {
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (Section s : theory) {
      EvidenceBase.TheoryCmoc t = s.theoryCmoc().orElseThrow();
      rows.add(
          List.of(
              List.of(Doc.section(t.label(), s.slug())),
              Doc.cell(t.version()),
              List.of(Doc.section(s.concept().label(), "mechanism-" + t.concept())),
              Doc.cell(String.valueOf(s.studiesWithLink("supports").size())),
              Doc.cell(String.valueOf(s.studiesWithLink("refines").size())),
              Doc.cell(String.valueOf(s.studiesWithLink("refutes").size())),
              Doc.cell(s.profile().confidence())));
    }
    return new Doc.Table(
        List.of(
            "Theory CMOC",
            "Version",
            "Mechanism",
            "Supporting studies",
            "Refining studies",
            "Refuting studies",
            "Confidence (review team)"),
        rows,
        null);
  }

  private Doc.Table matrixTable(EvidenceMatrix m) {
    List<String> headers = new ArrayList<>();
    headers.add("Mechanism");
    headers.addAll(m.columnKeys());
    headers.add("Links");
    headers.add("Inconclusive");
    headers.add("Non-links");
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (int i = 0; i < m.concepts().size(); i++) {
      List<List<Inline>> row = new ArrayList<>();
      EvidenceBase.Concept c = m.concepts().get(i);
      row.add(List.of(Doc.section(c.label(), "mechanism-" + c.id())));
      for (EvidenceMatrix.Cell cell : m.cells()[i]) {
        row.add(
            List.of(
                Doc.count(
                    cell.verdict().symbol + (cell.counts().isEmpty() ? "" : " " + cell.counts()),
                    cell.evidence())));
      }
      int[] counts = m.rowCounts(i);
      row.add(Doc.cell(String.valueOf(counts[EvidenceMatrix.Verdict.LINK.ordinal()])));
      row.add(Doc.cell(String.valueOf(counts[EvidenceMatrix.Verdict.INCONCLUSIVE.ordinal()])));
      row.add(Doc.cell(String.valueOf(counts[EvidenceMatrix.Verdict.NON_LINK.ordinal()])));
      rows.add(row);
    }
    List<String> titles = new ArrayList<>();
    titles.add(null);
    m.studies().forEach(s -> titles.add(s.citation() + " — " + s.title()));
    return new Doc.Table(headers, rows, "matrix", titles);
  }

  /** The "study/item" ids of weighted items, in order. */
  static List<String> keys(List<Cerqual.Weighted> items) {
    return items.stream().map(w -> w.item().key()).toList();
  }

  List<Inline> studyLinks(List<EvidenceBase.Study> studies) {
    List<Inline> out = new ArrayList<>();
    for (EvidenceBase.Study s : studies) {
      if (!out.isEmpty()) {
        out.add(Doc.text("; "));
      }
      out.add(s.doiUrl() == null ? Doc.text(s.citation()) : Doc.link(s.citation(), s.doiUrl()));
    }
    if (out.isEmpty()) {
      out.add(Doc.text("none"));
    }
    return out;
  }

  /** One finding's section: a theory CMOC or a mechanism concept, its heading at {@code level}. */
  List<Doc.Block> section(Section s, int level) {
    return sections.section(s, level);
  }
}
