package org.cmograph.report;

import java.util.ArrayList;
import java.util.List;
import org.cmograph.util.Csv;

/**
 * The summaries' tables as CSV: the GRADE-CERQual Summary of Qualitative Findings and Evidence
 * Profile (one row per theory CMOC) and the evidence matrix (one row per mechanism concept).
 */
final class SummaryCsv {
  private SummaryCsv() {}

  /** The GRADE-CERQual Summary of Qualitative Findings table. */
  static String soqf(List<Section> theory) {
    StringBuilder out = new StringBuilder();
    out.append(
        Csv.line(
            List.of(
                "finding_id",
                "finding",
                "statement",
                "studies",
                "confidence",
                "explanation",
                "computed_indicators")));
    for (Section s : theory) {
      EvidenceBase.TheoryCmoc t = s.theoryCmoc().orElseThrow();
      Cerqual.Profile p = s.profile();
      out.append(
          Csv.line(
              List.of(
                  t.id(),
                  t.label(),
                  t.statement(),
                  String.join("; ", s.studies().stream().map(EvidenceBase.Study::id).toList()),
                  p.judgement().map(EvidenceBase.Assessment::overall).orElse("not-yet-assessed"),
                  ConfidenceWriter.explanation(p),
                  ConfidenceWriter.indicatorText(p))));
    }
    return out.toString();
  }

  /** The GRADE-CERQual Evidence Profile table, component by component. */
  static String evidenceProfile(List<Section> theory) {
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("finding_id", "finding", "studies"));
    for (String c : List.of("limitations", "coherence", "adequacy", "relevance")) {
      header.add(c);
      header.add(c + "_explanation");
      header.add(c + "_computed_indicator");
    }
    header.addAll(List.of("overall", "overall_explanation"));
    out.append(Csv.line(header));
    for (Section s : theory) {
      EvidenceBase.TheoryCmoc t = s.theoryCmoc().orElseThrow();
      Cerqual.Profile p = s.profile();
      List<String> row =
          new ArrayList<>(
              List.of(
                  t.id(),
                  t.label(),
                  String.join("; ", s.studies().stream().map(EvidenceBase.Study::id).toList())));
      for (int i = 0; i < Cerqual.COMPONENTS.size(); i++) {
        EvidenceBase.Judgement j = p.judgementOf(i);
        row.add(j == null || j.concern() == null ? "not-yet-assessed" : j.concern());
        row.add(j == null || j.explanation() == null ? "" : j.explanation());
        row.add(p.indicators().get(i).text());
      }
      row.add(p.judgement().map(EvidenceBase.Assessment::overall).orElse("not-yet-assessed"));
      row.add(p.judgement().map(EvidenceBase.Assessment::explanation).orElse(""));
      out.append(Csv.line(row));
    }
    return out.toString();
  }

  /** The evidence matrix, one row per mechanism concept, one column per study. */
  static String matrix(EvidenceMatrix m) {
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("mechanism_id", "mechanism"));
    m.studies().forEach(s -> header.add(s.id()));
    header.addAll(List.of("links", "inconclusive", "non_links", "no_evidence"));
    out.append(Csv.line(header));
    for (int i = 0; i < m.concepts().size(); i++) {
      List<String> row =
          new ArrayList<>(List.of(m.concepts().get(i).id(), m.concepts().get(i).label()));
      for (EvidenceMatrix.Cell c : m.cells()[i]) {
        row.add(c.verdict().label + (c.counts().isEmpty() ? "" : " (" + c.counts() + ")"));
      }
      for (int n : m.rowCounts(i)) {
        row.add(String.valueOf(n));
      }
      out.append(Csv.line(row));
    }
    return out.toString();
  }
}
