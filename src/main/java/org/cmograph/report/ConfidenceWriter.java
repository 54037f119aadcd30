package org.cmograph.report;

import java.util.ArrayList;
import java.util.List;
import org.cmograph.report.Doc.Inline;

/**
 * What the summaries say about confidence, as {@link Doc} blocks: the GRADE-CERQual Summary of
 * Qualitative Findings and Evidence Profile, and the confidence part of each section. The review
 * team's judgement is shown as theirs; the computed indicators beside it are labelled as computed
 * and never stand in for it; a finding the team has not assessed says so (docs/summaries.md).
 */
final class ConfidenceWriter {
  static final String INDICATORS_LABEL =
      "Computed indicators (inform the judgement; not a judgement)";

  private final EvidenceBase base;

  ConfidenceWriter(EvidenceBase base) {
    this.base = base;
  }

  /** The Summary of Qualitative Findings: one row per review finding (theory configuration). */
  Doc.Table soqf(
      List<Section> theory,
      java.util.function.Function<List<EvidenceBase.Study>, List<Inline>> studyLinks) {
    List<List<List<Inline>>> rows = new ArrayList<>();
    int n = 1;
    for (Section s : theory) {
      EvidenceBase.TheoryCmoc t = s.theoryCmoc().orElseThrow();
      Cerqual.Profile p = s.profile();
      rows.add(
          List.of(
              Doc.cell(String.valueOf(n++)),
              List.of(Doc.strong(t.label() + ". "), Doc.text(t.statement())),
              studyLinks.apply(s.studies()),
              List.of(Doc.strong(p.confidence())),
              Doc.cell(explanation(p)),
              indicatorList(p)));
    }
    return new Doc.Table(
        List.of(
            "#",
            "Summary of review finding",
            "Studies contributing",
            "GRADE-CERQual confidence (review team)",
            "Explanation of the assessment (review team)",
            INDICATORS_LABEL),
        rows,
        null);
  }

  /** The team's explanation, or that they have not assessed the finding: never computed text. */
  static String explanation(Cerqual.Profile p) {
    return p.assessed()
        ? orNotRecorded(p.judgement().get().explanation())
        : "The review team has not yet assessed this finding.";
  }

  static String indicatorText(Cerqual.Profile p) {
    List<String> parts = new ArrayList<>();
    p.indicators().forEach(i -> parts.add(i.component() + ": " + i.text()));
    return String.join(". ", parts) + ".";
  }

  private static List<Inline> indicatorList(Cerqual.Profile p) {
    List<Inline> out = new ArrayList<>();
    for (Cerqual.Indicator i : p.indicators()) {
      if (!out.isEmpty()) {
        out.add(Doc.text(". "));
      }
      out.add(Doc.text(i.component() + ": "));
      out.add(indicator(i));
    }
    out.add(Doc.text("."));
    return out;
  }

  /** The indicator's text; adequacy's opening count carries the ids of the findings it counts. */
  static Inline indicator(Cerqual.Indicator i) {
    return i.component().equals("adequacy")
        ? Doc.count(i.text(), i.evidence())
        : Doc.text(i.text());
  }

  /** The Evidence Profile: each component as the team judged it, with the computed indicator. */
  Doc.Table evidenceProfile(
      List<Section> theory,
      java.util.function.Function<List<EvidenceBase.Study>, List<Inline>> studyLinks) {
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (Section s : theory) {
      EvidenceBase.TheoryCmoc t = s.theoryCmoc().orElseThrow();
      Cerqual.Profile p = s.profile();
      List<List<Inline>> row = new ArrayList<>();
      row.add(List.of(Doc.section(t.label(), s.slug())));
      row.add(studyLinks.apply(s.studies()));
      for (int i = 0; i < Cerqual.COMPONENTS.size(); i++) {
        List<Inline> cell = new ArrayList<>(judgementCell(p.judgementOf(i)));
        cell.add(Doc.text(" "));
        cell.add(Doc.em("Computed:"));
        cell.add(Doc.text(" "));
        cell.add(indicator(p.indicators().get(i)));
        row.add(cell);
      }
      row.add(
          p.assessed()
              ? List.of(
                  Doc.strong(p.confidence()),
                  Doc.text(". " + orNotRecorded(p.judgement().get().explanation())))
              : List.of(Doc.strong(Cerqual.NOT_ASSESSED)));
      rows.add(row);
    }
    return new Doc.Table(
        List.of(
            "Review finding",
            "Studies",
            "Methodological limitations",
            "Coherence",
            "Adequacy",
            "Relevance",
            "Overall confidence (review team)"),
        rows,
        null);
  }

  private static List<Inline> judgementCell(EvidenceBase.Judgement j) {
    if (j == null || j.concern() == null) {
      return List.of(Doc.strong(Cerqual.NOT_ASSESSED + "."));
    }
    return List.of(
        Doc.strong(Stances.concernLabel(j.concern()) + "."),
        Doc.text(" " + orNotRecorded(j.explanation())));
  }

  /**
   * The confidence part of a section: the team's judgement of each component beside the computed
   * indicator. A mechanism is not a review finding: its section names the theory configurations
   * built on it, with the team's judgement of each.
   */
  void section(Section s, Doc.Builder b) {
    Cerqual.Profile p = s.profile();
    b.p(verdict(s));
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (int i = 0; i < Cerqual.COMPONENTS.size(); i++) {
      List<List<Inline>> row = new ArrayList<>();
      row.add(Doc.cell(Text.capital(Cerqual.COMPONENTS.get(i))));
      if (s.kind() == Section.Kind.THEORY_CMOC) {
        row.add(judgementCell(p.judgementOf(i)));
      }
      row.add(List.of(indicator(p.indicators().get(i))));
      rows.add(row);
    }
    List<String> headers = new ArrayList<>(List.of("Component"));
    if (s.kind() == Section.Kind.THEORY_CMOC) {
      headers.add("Review team's judgement");
    }
    headers.add(INDICATORS_LABEL);
    b.add(new Doc.Table(headers, rows, null));
  }

  /** One line that opens a section's confidence: the judgement, or why there is none. */
  List<Inline> verdict(Section s) {
    List<Inline> out = new ArrayList<>();
    if (s.kind() == Section.Kind.THEORY_CMOC) {
      Cerqual.Profile p = s.profile();
      if (p.assessed()) {
        out.add(
            Doc.strong(
                "Confidence (review team's GRADE-CERQual judgement): "
                    + p.confidence().toLowerCase(java.util.Locale.ROOT)
                    + "."));
        out.add(Doc.text(" " + orNotRecorded(p.judgement().get().explanation())));
      } else {
        out.add(Doc.strong("Confidence: not yet assessed."));
        out.add(
            Doc.text(
                " The review team has not recorded a GRADE-CERQual judgement for this finding; the computed indicators below inform one and are not a judgement."));
      }
      return out;
    }
    List<EvidenceBase.TheoryCmoc> theory = theoryOn(s);
    out.add(Doc.strong("Confidence: "));
    if (theory.isEmpty()) {
      out.add(
          Doc.text(
              "no review finding of the programme theory rests on this mechanism, so there is no GRADE-CERQual judgement; the computed indicators below describe its evidence and are not a judgement."));
      return out;
    }
    out.add(
        Doc.text(
            "GRADE-CERQual judges review findings; the programme theory's findings built on this mechanism: "));
    for (int i = 0; i < theory.size(); i++) {
      EvidenceBase.TheoryCmoc t = theory.get(i);
      if (i > 0) {
        out.add(Doc.text("; "));
      }
      out.add(Doc.section(t.label(), "theory-" + t.id()));
      out.add(
          Doc.text(
              ": "
                  + t.assessment()
                      .map(a -> Stances.confidenceLabel(a.overall()) + " confidence (review team)")
                      .orElse("not yet assessed")
                  + (namesMechanism(t, s.id())
                      ? ""
                      : " — no study configuration linked to it names this mechanism, so that judgement does not rest on this mechanism's evidence")));
    }
    out.add(
        Doc.text(
            ". The computed indicators below describe this mechanism's own evidence and are not a judgement."));
    return out;
  }

  /** Whether a study configuration linked to {@code t} names {@code concept} or a narrower one. */
  private boolean namesMechanism(EvidenceBase.TheoryCmoc t, String concept) {
    java.util.Set<String> concepts = base.selfAndNarrower(concept);
    return base.cmocs().stream()
        .anyMatch(
            c ->
                c.theoryLinks().containsKey(t.id())
                    && c.concept() != null
                    && concepts.contains(c.concept()));
  }

  /** The theory configurations whose mechanism is this section's concept or a narrower one. */
  private List<EvidenceBase.TheoryCmoc> theoryOn(Section s) {
    java.util.Set<String> concepts = base.selfAndNarrower(s.id());
    return base.theory()
        .map(
            t ->
                t.cmocs().stream()
                    .filter(x -> x.concept() != null && concepts.contains(x.concept()))
                    .toList())
        .orElse(List.of());
  }

  private static String orNotRecorded(String s) {
    return s == null ? "(no explanation recorded)" : s;
  }
}
