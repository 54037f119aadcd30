package org.cmograph.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cmograph.report.Doc.Inline;

/**
 * The "Search and selection" part of the overview, as {@link Doc} blocks: the flow diagram of the
 * search and selection log, the same counts as a table (the form Markdown readers and narrow
 * screens read), and the included reports. RAMESES asks a realist synthesis to report how its
 * documents were searched for and selected, with counts and reasons for exclusion; the summaries
 * take every number from the log and say so where the log records nothing.
 */
final class SelectionSection {
  static final String ANCHOR = "search-and-selection";

  private static final Map<String, String> METHODS =
      Map.of(
          "database", "database search",
          "register", "register search",
          "website", "website search",
          "organisation", "organisation contacted",
          "citation-searching", "citation searching",
          "supplied", "supplied documents",
          "other", "other method");

  private SelectionSection() {}

  /** The section at heading level 2; {@code base} gives the included studies' citations. */
  static List<Doc.Block> blocks(SelectionFlow flow, EvidenceBase base) {
    Doc.Builder b = new Doc.Builder();
    b.h(2, "Search and selection", ANCHOR);
    List<Inline> intro = new ArrayList<>();
    intro.add(
        Doc.text(
            "How the documents behind these summaries were identified and selected, from the search and selection log"
                + " (data/selection.yaml): the flow diagram, then the same counts as a table. "));
    intro.add(Doc.strong(flow.title()));
    intro.add(
        Doc.text(
            (flow.date() == null ? "" : ", log of " + flow.date())
                + (flow.authors().isEmpty() ? "" : ", by " + Text.list(flow.authors()))
                + "."
                + (flow.description() == null ? "" : " " + flow.description())));
    b.p(intro);
    if (flow.note() != null) {
      b.p(Doc.strong("What the log records: "), Doc.text(flow.note()));
    }
    b.add(new Doc.Flow(FlowDiagram.of(flow)));
    b.add(table(flow));
    b.h(3, "Included reports", "included-reports");
    b.p(
        Doc.text(
            Cerqual.plural(flow.included().size(), "extraction file", "extraction files")
                + " covering "
                + Cerqual.plural(flow.includedRecords(), "record", "records")
                + ", from "
                + Cerqual.plural(flow.studies(), "study", "studies")
                + ": reports of one study (study.related: same-study) and reports that restate another"
                + " included report (restates) count as one study."));
    List<List<Inline>> items = new ArrayList<>();
    for (SelectionFlow.Report r : flow.included()) {
      List<Inline> item = new ArrayList<>();
      item.add(Doc.strong(r.id()));
      String citation =
          base.study(r.id())
              .map(
                  s ->
                      " — "
                          + (s.citation().equals(r.id()) ? "" : s.citation() + ", ")
                          + (s.title() == null ? "" : s.title()))
              .orElse("");
      StringBuilder rest = new StringBuilder(citation);
      if (r.records() > 1) {
        rest.append("; covers ").append(r.records()).append(" records");
      }
      if (r.sameStudy().size() > 1) {
        rest.append("; one study with ")
            .append(Text.list(r.sameStudy().subList(1, r.sameStudy().size())));
      }
      if (!r.loaded()) {
        rest.append("; not in the store (load its extraction file)");
      }
      if (r.note() != null) {
        rest.append(". ").append(r.note());
      }
      item.add(Doc.text(rest.toString()));
      items.add(item);
    }
    b.add(new Doc.Bullets(items));
    return b.build();
  }

  /**
   * "citing-statements with gillard-2014 are one study.", or empty when every report is a study.
   */
  static String sameStudyGroups(SelectionFlow flow) {
    List<String> groups = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (SelectionFlow.Report r : flow.included()) {
      if (r.sameStudy().size() > 1
          && seen.add(r.sameStudy().stream().sorted().toList().toString())) {
        groups.add(Text.list(r.sameStudy()));
      }
    }
    return groups.isEmpty() ? "" : "One study each: " + String.join("; ", groups) + ".";
  }

  /** Every box of the diagram as a row: what it is, its count, and what the log says of it. */
  static Doc.Table table(SelectionFlow flow) {
    List<List<List<Inline>>> rows = new ArrayList<>();
    for (SelectionFlow.Source s : flow.sources()) {
      List<String> details = new ArrayList<>();
      details.add(Text.capital(METHODS.getOrDefault(s.method(), s.method())));
      details.add(s.date() == null ? "Date not reported" : "Date: " + s.date());
      details.add(s.strategy() == null ? "Strategy not reported" : "Strategy: " + s.strategy());
      if (!s.files().isEmpty()) {
        details.add("Source texts: " + String.join(", ", s.files()));
      }
      if (s.note() != null) {
        details.add(s.note());
      }
      rows.add(
          row("Identified: " + s.source() + " (" + s.id() + ")", s.records(), sentences(details)));
    }
    rows.add(
        row(
            "Records identified",
            flow.identified(),
            flow.searchRecords()
                + " from databases and registers, "
                + flow.otherRecords()
                + " by other methods."));
    if (flow.duplicatesRemoved() != null) {
      rows.add(
          row(
              "Duplicates removed",
              flow.duplicatesRemoved(),
              flow.duplicatesNote() == null ? "" : flow.duplicatesNote()));
    }
    if (flow.stages().isEmpty()) {
      rows.add(
          List.of(
              Doc.cell("Screening"),
              Doc.cell("—"),
              Doc.cell(
                  "No screening stage recorded: all "
                      + flow.afterDuplicates()
                      + " records left after duplicates were included.")));
    }
    for (SelectionFlow.Stage s : flow.stages()) {
      if (s.notRetrieved() > 0) {
        rows.add(row("Reports sought for retrieval", s.sought(), ""));
        rows.add(row("Reports not retrieved", s.notRetrieved(), ""));
      }
      rows.add(row("Screened: " + s.label(), s.screened(), s.note() == null ? "" : s.note()));
      List<String> reasons = new ArrayList<>();
      s.excluded().forEach(e -> reasons.add(e.reason() + " (" + e.count() + ")"));
      rows.add(
          row(
              "Excluded at " + s.label(),
              s.excludedTotal(),
              reasons.isEmpty() ? "none" : String.join("; ", reasons)));
    }
    rows.add(row("Included records", flow.includedRecords(), ""));
    rows.add(row("Included reports (extraction files)", flow.included().size(), ""));
    rows.add(row("Included studies", flow.studies(), sameStudyGroups(flow)));
    return new Doc.Table(List.of("Flow diagram box", "n", "What the log says"), rows, "flow-table");
  }

  /** Parts joined as sentences, each ending with one full stop. */
  static String sentences(List<String> parts) {
    List<String> out = new ArrayList<>();
    for (String p : parts) {
      String t = p.strip();
      out.add(t.endsWith(".") || t.endsWith("?") || t.endsWith("!") ? t : t + ".");
    }
    return String.join(" ", out);
  }

  private static List<List<Inline>> row(String box, int n, String details) {
    return List.of(Doc.cell(box), Doc.cell(String.valueOf(n)), Doc.cell(details));
  }
}
