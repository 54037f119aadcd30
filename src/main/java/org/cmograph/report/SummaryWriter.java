package org.cmograph.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cmograph.report.Doc.Inline;

/**
 * What the evidence summaries say, as {@link Doc} blocks: the overview of the programme theory
 * (diagram, Summary of Qualitative Findings, Evidence Profile, evidence matrix) and one section per
 * theory CMOC or mechanism concept. Every statement is read from the {@link EvidenceBase}.
 */
final class SummaryWriter {
  private final EvidenceBase base;
  private final ConfidenceWriter confidence;

  private EvidenceMatrix matrix;

  SummaryWriter(EvidenceBase base) {
    this(base, List.of());
  }

  /** @param selection the "Search and selection" blocks of the overview (none without a log) */
  SummaryWriter(EvidenceBase base, List<Doc.Block> selection) {
    this.base = base;
    this.confidence = new ConfidenceWriter(base);
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
                    .map(t -> "; programme theory '" + t.id() + "', " + t.version() + " version of " + t.date())
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
      b.p(Doc.text("The store holds no programme theory (load data/programme-theory.yaml with the studies); the mechanism summaries follow."));
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
                  + (theoryData.authors().isEmpty() ? "" : ", by " + Text.list(theoryData.authors()))
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
      b.p(Doc.text("The GRADE-CERQual Summary of Qualitative Findings table: one row per theory CMOC (review finding), with the review team's confidence and their explanation, as the theory file records them. A finding the team has not assessed says so and shows the computed indicators, which inform a judgement and are not one. Also exported as summary-of-qualitative-findings.csv."));
      b.add(confidence.soqf(theory, this::studyLinks));
      b.h(2, "Evidence Profile", "evidence-profile");
      b.p(Doc.text("The GRADE-CERQual Evidence Profile: each component's concern as the review team judged it, with their explanation, and beside it the indicator computed from the graph (labelled \"Computed\": findings only, related reports counted once, refining evidence not counted as incoherence). Also exported as evidence-profile.csv."));
      b.add(confidence.evidenceProfile(theory, this::studyLinks));
    }
    b.h(2, "Evidence matrix: mechanism × study", "evidence-matrix");
    EvidenceMatrix m = matrix();
    b.p(
        Doc.text(
            "Each cell classes one study's evidence for one mechanism: ✔ link (supporting evidence, none refuting), ✘ non-link (refuting evidence, none supporting), ? inconclusive (both, or only refining evidence), · no evidence; with the counts of supporting (+), refining (~) and refuting (−) evidence items. Columns are keyed S1, S2, ... (listed below the table). Also exported as evidence-matrix.csv."));
    b.add(matrixTable(m));
    List<List<Inline>> keys = new ArrayList<>();
    List<String> columnKeys = m.columnKeys();
    for (int j = 0; j < m.studies().size(); j++) {
      EvidenceBase.Study s = m.studies().get(j);
      keys.add(List.of(Doc.strong(columnKeys.get(j)), Doc.text(": " + s.citation() + " — " + s.title())));
    }
    b.add(new Doc.Bullets(keys));
    b.h(2, "Mechanism summaries", "mechanisms");
    List<String> inTheory =
        t.map(x -> x.cmocs().stream().map(EvidenceBase.TheoryCmoc::concept).toList()).orElse(List.of());
    List<List<Inline>> items = new ArrayList<>();
    // By the names readers see, not by id.
    List<Section> byName = new ArrayList<>(mechanisms);
    byName.sort(java.util.Comparator.comparing((Section x) -> x.title().toLowerCase(java.util.Locale.ROOT)).thenComparing(Section::id));
    for (Section s : byName) {
      List<Inline> item = new ArrayList<>();
      item.add(Doc.section(s.title(), s.slug()));
      item.add(Doc.text(" (" + s.id() + "): " + Cerqual.plural(s.studies().size(), "study", "studies") + ", "));
      item.add(Doc.count(Cerqual.plural(s.items().size(), "finding", "findings"), keys(s.items())));
      item.add(Doc.text(inTheory.contains(s.id()) || t.isEmpty() ? "" : "; not a mechanism of the programme theory"));
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
        List.of("Theory CMOC", "Version", "Mechanism", "Supporting studies", "Refining studies", "Refuting studies", "Confidence (review team)"),
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
    return new Doc.Table(headers, rows, "matrix");
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

  // ------------------------------------------------------------------------------------------
  // One finding: a theory CMOC or a mechanism concept
  // ------------------------------------------------------------------------------------------

  List<Doc.Block> section(Section s, int level) {
    Doc.Builder b = new Doc.Builder();
    EvidenceBase.Concept c = s.concept();
    if (s.kind() == Section.Kind.THEORY_CMOC) {
      EvidenceBase.TheoryCmoc t = s.theoryCmoc().orElseThrow();
      b.h(level, "Theory CMOC: " + t.label(), s.slug());
      b.p(Doc.strong("Statement: "), Doc.text(t.statement()));
      List<List<Inline>> facts = new ArrayList<>();
      facts.add(List.of(Doc.strong("Id: "), Doc.text(t.id() + "; in the " + t.version() + " theory.")));
      facts.add(
          List.of(
              Doc.strong("Mechanism: "),
              Doc.section(c.label(), "mechanism-" + c.id()),
              Doc.text(c.definition() == null ? "" : " — " + c.definition())));
      facts.add(List.of(Doc.strong("Resource → reasoning: "), Doc.text(TheoryDiagram.mechanismText(t))));
      for (EvidenceBase.Context ctx : t.contexts()) {
        facts.add(List.of(Doc.strong(Text.capital(ctx.role()) + " context: "), Doc.text(ctx.description() + (ctx.type() == null ? "" : " (" + ctx.type() + ")"))));
      }
      for (EvidenceBase.Outcome o : t.outcomes()) {
        facts.add(List.of(Doc.strong("Outcome: "), Doc.text(o.description() + (o.level() == null ? "" : " (" + o.level() + ")"))));
      }
      if (t.note() != null) {
        facts.add(List.of(Doc.strong("Note: "), Doc.text(t.note())));
      }
      b.add(new Doc.Bullets(facts));
      base.theory().ifPresent(theory -> new TheoryRefinement(base, theory).configuration(t).forEach(b::add));
    } else {
      b.h(level, "Mechanism: " + c.label(), s.slug());
      // A mechanism page opens with the confidence: the judgement and the indicators.
      b.h(level + 1, "Confidence (GRADE-CERQual)", s.slug() + "-confidence");
      confidence.section(s, b);
      b.p(Doc.strong("Definition: "), Doc.text(c.definition() == null ? "(no definition in the catalogue)" : c.definition()));
      List<Inline> facts = new ArrayList<>();
      facts.add(Doc.strong("Catalogue id: "));
      facts.add(Doc.text(c.id()));
      if (c.broader() != null) {
        facts.add(Doc.text("; broader: "));
        facts.add(base.concept(c.broader()).map(x -> Doc.section(x.label(), "mechanism-" + x.id())).orElse(Doc.text(c.broader())));
      }
      List<EvidenceBase.Concept> narrower = s.narrowerInUse();
      if (!narrower.isEmpty()) {
        facts.add(Doc.text("; narrower concepts with their own summaries: "));
        for (int i = 0; i < narrower.size(); i++) {
          if (i > 0) {
            facts.add(Doc.text(", "));
          }
          facts.add(Doc.section(narrower.get(i).label(), "mechanism-" + narrower.get(i).id()));
        }
      }
      facts.add(Doc.text("."));
      b.p(facts);
      List<EvidenceBase.TheoryCmoc> theoryCmocs =
          base.theory().map(t -> t.cmocs().stream().filter(x -> x.concept().equals(c.id())).toList()).orElse(List.of());
      if (!theoryCmocs.isEmpty()) {
        List<Inline> in = new ArrayList<>();
        in.add(Doc.strong("In the programme theory: "));
        for (int i = 0; i < theoryCmocs.size(); i++) {
          if (i > 0) {
            in.add(Doc.text(", "));
          }
          in.add(Doc.section(theoryCmocs.get(i).label(), "theory-" + theoryCmocs.get(i).id()));
          in.add(Doc.text(" (" + theoryCmocs.get(i).id() + ")"));
        }
        in.add(Doc.text("."));
        b.p(in);
      }
    }
    int h = level + 1;
    String prefix = s.slug() + "-";
    b.h(h, "Studies behind it", prefix + "studies");
    b.add(studiesTable(s));
    b.h(h, "CMO configurations", prefix + "cmocs");
    b.add(cmoTable(s));
    b.h(h, "Contexts: enabling, conditioning and blocking", prefix + "contexts");
    b.add(contextBlocks(s));
    b.h(h, "Outcomes", prefix + "outcomes");
    b.add(outcomeTable(s));
    b.h(h, "For whom", prefix + "for-whom");
    b.add(forWhomTable(s));
    b.h(h, "Evidence by perspective", prefix + "perspectives");
    b.add(perspectiveTable(s));
    b.h(h, "Key quotes", prefix + "quotes");
    quotes(s, b);
    b.h(h, "Conflicting evidence", prefix + "conflicts");
    conflicts(s, b);
    b.h(h, "Gaps", prefix + "gaps");
    List<String> gaps = s.gaps();
    if (gaps.isEmpty()) {
      b.p(Doc.text("None of the gaps the summaries look for (single study, single perspective, no participant voice, no outcome evidence or direction, no reasoning, no blocking context)."));
    } else {
      b.add(new Doc.Bullets(gaps.stream().map(Doc::cell).toList()));
    }
    if (s.kind() == Section.Kind.THEORY_CMOC) {
      b.h(h, "Confidence (GRADE-CERQual)", prefix + "confidence");
      confidence.section(s, b);
    }
    return b.build();
  }

  private Doc.Block studiesTable(Section s) {
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (EvidenceBase.Study st : s.studies()) {
      List<Inline> study = new ArrayList<>();
      study.add(Doc.strong(st.citation()));
      study.add(Doc.text(" " + st.title()));
      rows.add(
          List.of(
              study,
              Doc.cell(orDash(st.design())),
              Doc.cell(st.countries().isEmpty() ? "not reported" : String.join(", ", st.countries())),
              Doc.cell(orDash(st.setting())),
              Doc.cell(sample(st)),
              st.doiUrl() == null ? Doc.cell("none given") : List.of(Doc.link("doi:" + st.doi(), st.doiUrl()))));
    }
    if (rows.isEmpty()) {
      return new Doc.Para(Doc.cell("No study contributes."));
    }
    return new Doc.Table(List.of("Study", "Design", "Country", "Setting", "Sample", "DOI"), rows, null);
  }

  static String sample(EvidenceBase.Study st) {
    List<String> parts = new ArrayList<>();
    for (EvidenceBase.Sample g : st.sample()) {
      parts.add(g.role() + (g.n() == null ? "" : " (" + g.n() + ")"));
    }
    String s = String.join("; ", parts);
    if (st.sampleTotal() != null) {
      s += (s.isEmpty() ? "" : "; ") + "total " + st.sampleTotal();
    }
    return s.isEmpty() ? "not reported" : s;
  }

  private static String orDash(String s) {
    return s == null ? "not reported" : s;
  }

  private Doc.Block cmoTable(Section s) {
    boolean theory = s.kind() == Section.Kind.THEORY_CMOC;
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (Section.Row r : s.rows()) {
      EvidenceBase.StudyCmoc c = r.cmoc();
      String contexts =
          c.contexts().isEmpty()
              ? "none stated"
              : c.contexts().stream()
                  .map(x -> x.description() + " [" + x.role() + "]")
                  .collect(Collectors.joining("; "));
      String mechanism =
          c.concept() == null
              ? "(outcome pattern: no mechanism)"
              : (c.resource() == null ? "(resource not reported)" : c.resource())
                  + " → "
                  + (c.response() == null ? "(reasoning not reported)" : c.response());
      if (!theory && c.concept() != null) {
        mechanism = (c.wording() == null ? "" : "‘" + c.wording() + "’: ") + mechanism;
      }
      String outcomes =
          c.outcomes().isEmpty()
              ? "none stated"
              : c.outcomes().stream()
                  .map(o -> o.description() + " [" + (o.direction() == null ? "direction not reported" : o.direction()) + "]")
                  .collect(Collectors.joining("; "));
      List<List<Inline>> row = new ArrayList<>();
      row.add(base.study(c.study()).map(st -> List.of(Doc.text(st.citation()))).orElse(Doc.cell(c.study())));
      row.add(List.of(Doc.strong(c.label()), Doc.text(" (" + c.id() + ")")));
      row.add(Doc.cell(contexts));
      if (theory && c.concept() != null) {
        row.add(List.of(Doc.section(base.concept(c.concept()).map(EvidenceBase.Concept::label).orElse(c.concept()), "mechanism-" + c.concept()), Doc.text(": " + mechanism)));
      } else {
        row.add(Doc.cell(mechanism));
      }
      row.add(Doc.cell(outcomes));
      if (theory) {
        row.add(Doc.cell(r.stance()));
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      return new Doc.Para(Doc.cell("No study CMOC."));
    }
    List<String> headers = new ArrayList<>(List.of("Study", "CMOC", "Contexts", "Mechanism: resource → reasoning", "Outcomes [direction]"));
    if (theory) {
      headers.add("Stance toward the theory CMOC");
    }
    return new Doc.Table(headers, rows, null);
  }

  private Doc.Block contextBlocks(Section s) {
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (String role : Section.ROLES) {
      for (Section.Part<EvidenceBase.Context> p : s.contexts(role)) {
        rows.add(
            List.of(
                List.of(Doc.strong(role)),
                Doc.cell(p.part().description()),
                Doc.cell(p.part().type() == null ? "not stated" : p.part().type()),
                Doc.cell(citation(p.cmoc()))));
      }
    }
    if (rows.isEmpty()) {
      return new Doc.Para(Doc.cell("The contributing CMOCs name no context."));
    }
    return new Doc.Table(List.of("Role", "Context", "Type", "Study (CMOC)"), rows, null);
  }

  private String citation(EvidenceBase.StudyCmoc c) {
    return base.study(c.study()).map(EvidenceBase.Study::citation).orElse(c.study()) + " (" + c.id() + ")";
  }

  private Doc.Block outcomeTable(Section s) {
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (Section.Part<EvidenceBase.Outcome> p : s.outcomes()) {
      rows.add(
          List.of(
              Doc.cell(p.part().description()),
              List.of(Doc.strong(p.part().direction() == null ? "not reported" : p.part().direction())),
              Doc.cell(p.part().level() == null ? "not stated" : p.part().level()),
              Doc.cell(citation(p.cmoc()))));
    }
    if (rows.isEmpty()) {
      return new Doc.Para(Doc.cell("The contributing CMOCs name no outcome."));
    }
    return new Doc.Table(List.of("Outcome", "Direction", "Level", "Study (CMOC)"), rows, null);
  }

  /** Whose reasoning and whose outcomes, by actor, with the findings behind each. */
  private Doc.Block forWhomTable(Section s) {
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (Section.ActorRow a : s.actors()) {
      List<Cerqual.Weighted> f = a.findings();
      rows.add(
          List.of(
              List.of(Doc.strong(a.actor())),
              Doc.cell(a.role().equals("reasoning") ? "whose reasoning the mechanism describes" : "whose outcome"),
              Doc.cell(a.configurations().stream().map(this::citation).collect(Collectors.joining("; "))),
              List.of(Doc.count(Cerqual.plural(f.size(), "finding", "findings"), keys(f))),
              Doc.cell(
                  f.stream().filter(w -> w.stance().equals("supports")).count()
                      + " / "
                      + f.stream().filter(w -> w.stance().equals("refines")).count()
                      + " / "
                      + f.stream().filter(w -> w.stance().equals("refutes")).count()),
              Doc.cell(a.outcomes().isEmpty() ? "—" : String.join("; ", a.outcomes()))));
    }
    if (rows.isEmpty()) {
      return new Doc.Para(Doc.cell("The contributing configurations name no actor: for whom is not reported."));
    }
    return new Doc.Table(
        List.of("Actor", "Role", "Configurations", "Findings", "Supporting / refining / refuting", "Outcomes for them"),
        rows,
        null);
  }

  private Doc.Block perspectiveTable(Section s) {
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (Section.PerspectiveCount p : s.perspectives()) {
      rows.add(
          List.of(
              Doc.cell(p.perspective()),
              Doc.cell(String.valueOf(p.items())),
              Doc.cell(String.valueOf(p.studies())),
              Doc.cell(String.valueOf(p.supports())),
              Doc.cell(String.valueOf(p.refines())),
              Doc.cell(String.valueOf(p.refutes()))));
    }
    if (rows.isEmpty()) {
      return new Doc.Para(Doc.cell("No evidence items."));
    }
    return new Doc.Table(List.of("Perspective", "Findings", "Studies", "Supporting", "Refining", "Refuting"), rows, null);
  }

  private void quotes(Section s, Doc.Builder b) {
    List<Section.Quote> quotes = s.quotes();
    if (quotes.isEmpty()) {
      b.p(Doc.text("No quotes."));
      return;
    }
    int shown = Math.min(Section.KEY_QUOTES, quotes.size());
    for (Section.Quote q : quotes.subList(0, shown)) {
      b.add(new Doc.Quote(q.text(), quoteCitation(q)));
    }
    if (quotes.size() > shown) {
      b.p(Doc.text((quotes.size() - shown) + " further distinct quote(s) are not shown; query the endpoint for all evidence items."));
    }
  }

  private List<Inline> quoteCitation(Section.Quote q) {
    EvidenceBase.Evidence e = q.first();
    List<Inline> out = new ArrayList<>();
    Optional<EvidenceBase.Study> st = base.study(e.study());
    out.add(Doc.text("— "));
    out.add(Doc.strong(st.map(EvidenceBase.Study::citation).orElse(e.study())));
    out.add(Doc.text(", " + e.location() + ". "));
    String who =
        switch (e.speaker()) {
          case "participant" -> "Participants' words (" + Cerqual.perspective(e) + ")";
          case "extractor" -> "Extractor's inference: " + e.inference();
          default -> "Authors' statement" + (e.perspective() == null || e.perspective().equals("author-interpretation") ? "" : " (" + e.perspective() + ")");
        };
    out.add(Doc.text(who + "; " + q.stance() + ". Evidence "
        + q.items().stream().map(x -> x.study() + "/" + x.id()).collect(Collectors.joining(", "))
        + (e.verified() ? " (verified verbatim against the source text)" : " (not verified: no source text)")
        + "."));
    if (st.isPresent() && st.get().doiUrl() != null) {
      out.add(Doc.text(" "));
      out.add(Doc.link("doi:" + st.get().doi(), st.get().doiUrl()));
    }
    return out;
  }

  private void conflicts(Section s, Doc.Builder b) {
    boolean theory = s.kind() == Section.Kind.THEORY_CMOC;
    String what = theory ? "this theory CMOC" : "this mechanism";
    if (theory) {
      List<String> refuting = s.studiesWithLink("refutes");
      List<String> refining = s.studiesWithLink("refines");
      List<String> supporting = s.studiesWithLink("supports");
      b.p(
          Doc.text(
              Cerqual.plural(supporting.size(), "study supports", "studies support")
                  + " "
                  + what
                  + ", "
                  + Cerqual.plural(refining.size(), "study refines", "studies refine")
                  + " it and "
                  + Cerqual.plural(refuting.size(), "study refutes", "studies refute")
                  + " it (stances of the studies' CMOCs)."
                  + (refuting.isEmpty() ? "" : " Refuting: " + Text.list(cites(refuting)) + ".")
                  + (refining.isEmpty() ? "" : " Refining: " + Text.list(cites(refining)) + ".")));
    }
    List<Cerqual.Weighted> refutes = s.withStance("refutes");
    List<Cerqual.Weighted> refines = s.withStance("refines");
    if (refutes.isEmpty()) {
      b.p(Doc.text("No evidence item in the graph refutes " + what + "."));
    } else {
      long studies = refutes.stream().map(w -> w.item().study()).distinct().count();
      b.p(Doc.strong(Cerqual.plural(refutes.size(), "evidence item", "evidence items") + " from " + Cerqual.plural((int) studies, "study", "studies") + " refute " + what + ":"));
      b.add(new Doc.Bullets(refutes.stream().map(this::conflictItem).toList()));
    }
    if (!refines.isEmpty()) {
      b.p(Doc.strong(Cerqual.plural(refines.size(), "evidence item qualifies", "evidence items qualify") + " it (refine: add a condition, part or boundary):"));
      b.add(new Doc.Bullets(refines.stream().map(this::conflictItem).toList()));
    }
  }

  private List<String> cites(List<String> studyIds) {
    return studyIds.stream().map(i -> base.study(i).map(EvidenceBase.Study::citation).orElse(i)).toList();
  }

  private List<Inline> conflictItem(Cerqual.Weighted w) {
    EvidenceBase.Evidence e = w.item();
    String cite = base.study(e.study()).map(EvidenceBase.Study::citation).orElse(e.study());
    String why = e.speaker().equals("extractor") ? e.inference() : e.note();
    return List.of(
        Doc.strong(cite),
        Doc.text(
            " (" + e.cmoc() + ", " + e.location() + ", item " + e.id()
                + (w.stance().equals(e.stance()) ? "" : "; the item " + e.stance() + " its CMOC, whose link to the theory CMOC makes it " + w.stance())
                + "): "
                + TheoryDiagram.abbreviate(e.quote(), 200)
                + (why == null ? "" : " — " + why)));
  }
}
