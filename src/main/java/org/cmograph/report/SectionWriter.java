package org.cmograph.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cmograph.report.Doc.Inline;

/**
 * One finding's section of the evidence summaries, as {@link Doc} blocks: a theory CMOC (its
 * statement, parts, history and confidence) or a mechanism concept (its confidence, definition and
 * place in the theory), then the evidence behind it: the tables ({@link SectionTables}), the key
 * quotes, the conflicting evidence and the gaps.
 */
final class SectionWriter {
  private final EvidenceBase base;
  private final ConfidenceWriter confidence;
  private final SectionTables tables;

  SectionWriter(EvidenceBase base, ConfidenceWriter confidence) {
    this.base = base;
    this.confidence = confidence;
    this.tables = new SectionTables(base);
  }

  List<Doc.Block> section(Section s, int level) {
    Doc.Builder b = new Doc.Builder();
    EvidenceBase.Concept c = s.concept();
    if (s.kind() == Section.Kind.THEORY_CMOC) {
      EvidenceBase.TheoryCmoc t = s.theoryCmoc().orElseThrow();
      b.h(level, "Theory CMOC: " + t.label(), s.slug());
      b.p(Doc.strong("Statement: "), Doc.text(t.statement()));
      List<List<Inline>> facts = new ArrayList<>();
      facts.add(
          List.of(Doc.strong("Id: "), Doc.text(t.id() + "; in the " + t.version() + " theory.")));
      facts.add(
          List.of(
              Doc.strong("Mechanism: "),
              Doc.section(c.label(), "mechanism-" + c.id()),
              Doc.text(c.definition() == null ? "" : " — " + c.definition())));
      facts.add(
          List.of(Doc.strong("Resource → reasoning: "), Doc.text(TheoryBoxes.mechanismText(t))));
      for (EvidenceBase.Context ctx : t.contexts()) {
        facts.add(
            List.of(
                Doc.strong(Text.capital(ctx.role()) + " context: "),
                Doc.text(ctx.description() + (ctx.type() == null ? "" : " (" + ctx.type() + ")"))));
      }
      for (EvidenceBase.Outcome o : t.outcomes()) {
        facts.add(
            List.of(
                Doc.strong("Outcome: "),
                Doc.text(o.description() + (o.level() == null ? "" : " (" + o.level() + ")"))));
      }
      if (t.note() != null) {
        facts.add(List.of(Doc.strong("Note: "), Doc.text(t.note())));
      }
      b.add(new Doc.Bullets(facts));
      base.theory()
          .ifPresent(theory -> new TheoryRefinement(base, theory).configuration(t).forEach(b::add));
    } else {
      b.h(level, "Mechanism: " + c.label(), s.slug());
      // A mechanism page opens with the confidence: the judgement and the indicators.
      b.h(level + 1, "Confidence (GRADE-CERQual)", s.slug() + "-confidence");
      confidence.section(s, b);
      b.p(
          Doc.strong("Definition: "),
          Doc.text(c.definition() == null ? "(no definition in the catalogue)" : c.definition()));
      List<Inline> facts = new ArrayList<>();
      facts.add(Doc.strong("Catalogue id: "));
      facts.add(Doc.text(c.id()));
      if (c.broader() != null) {
        facts.add(Doc.text("; broader: "));
        facts.add(
            base.concept(c.broader())
                .map(x -> Doc.section(x.label(), "mechanism-" + x.id()))
                .orElse(Doc.text(c.broader())));
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
          base.theory()
              .map(t -> t.cmocs().stream().filter(x -> x.concept().equals(c.id())).toList())
              .orElse(List.of());
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
    b.add(tables.studies(s));
    b.h(h, "CMO configurations", prefix + "cmocs");
    b.add(tables.cmoc(s));
    b.h(h, "Contexts: enabling, conditioning and blocking", prefix + "contexts");
    b.add(tables.contexts(s));
    b.h(h, "Outcomes", prefix + "outcomes");
    b.add(tables.outcomes(s));
    b.h(h, "For whom", prefix + "for-whom");
    b.add(tables.forWhom(s));
    b.h(h, "Evidence by perspective", prefix + "perspectives");
    b.add(tables.perspectives(s));
    b.h(h, "Key quotes", prefix + "quotes");
    quotes(s, b);
    b.h(h, "Conflicting evidence", prefix + "conflicts");
    conflicts(s, b);
    b.h(h, "Gaps", prefix + "gaps");
    List<String> gaps = s.gaps();
    if (gaps.isEmpty()) {
      b.p(
          Doc.text(
              "None of the gaps the summaries look for (single study, single perspective, no participant voice, no outcome evidence or direction, no reasoning, no blocking context)."));
    } else {
      b.add(new Doc.Bullets(gaps.stream().map(Doc::cell).toList()));
    }
    if (s.kind() == Section.Kind.THEORY_CMOC) {
      b.h(h, "Confidence (GRADE-CERQual)", prefix + "confidence");
      confidence.section(s, b);
    }
    return b.build();
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
      b.p(
          Doc.text(
              (quotes.size() - shown)
                  + " further distinct quote(s) are not shown; query the endpoint for all evidence items."));
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
          default ->
              "Authors' statement"
                  + (e.perspective() == null || e.perspective().equals("author-interpretation")
                      ? ""
                      : " (" + e.perspective() + ")");
        };
    out.add(Doc.text(who + "; " + q.stance() + ". Evidence "));
    for (int i = 0; i < q.items().size(); i++) {
      if (i > 0) {
        out.add(Doc.text(", "));
      }
      out.add(Doc.evidence(q.items().get(i).study(), q.items().get(i).id()));
    }
    out.add(
        Doc.text(
            (e.verified()
                    ? " (verified verbatim against the source text)"
                    : " (not verified: no source text)")
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
      b.p(
          Doc.strong(
              Cerqual.plural(refutes.size(), "evidence item", "evidence items")
                  + " from "
                  + Cerqual.plural((int) studies, "study", "studies")
                  + " refute "
                  + what
                  + ":"));
      b.add(new Doc.Bullets(refutes.stream().map(this::conflictItem).toList()));
    }
    if (!refines.isEmpty()) {
      b.p(
          Doc.strong(
              Cerqual.plural(refines.size(), "evidence item qualifies", "evidence items qualify")
                  + " it (refine: add a condition, part or boundary):"));
      b.add(new Doc.Bullets(refines.stream().map(this::conflictItem).toList()));
    }
  }

  private List<String> cites(List<String> studyIds) {
    return studyIds.stream()
        .map(i -> base.study(i).map(EvidenceBase.Study::citation).orElse(i))
        .toList();
  }

  private List<Inline> conflictItem(Cerqual.Weighted w) {
    EvidenceBase.Evidence e = w.item();
    String cite = base.study(e.study()).map(EvidenceBase.Study::citation).orElse(e.study());
    String why = e.speaker().equals("extractor") ? e.inference() : e.note();
    return List.of(
        Doc.strong(cite),
        Doc.text(
            " ("
                + e.cmoc()
                + ", "
                + e.location()
                + ", item "
                + e.id()
                + (w.stance().equals(e.stance())
                    ? ""
                    : "; the item "
                        + e.stance()
                        + " its CMOC, whose link to the theory CMOC makes it "
                        + w.stance())
                + "): "
                + TheoryBoxes.abbreviate(e.quote(), 200)
                + (why == null ? "" : " — " + why)));
  }
}
