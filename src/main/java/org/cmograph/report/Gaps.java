package org.cmograph.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The gaps in a finding's evidence the summaries state plainly: no evidence, a single study or
 * perspective, no participant voice, no outcome evidence or direction, no resource or reasoning, no
 * context or no blocking context, unverified quotes.
 */
final class Gaps {
  private Gaps() {}

  /** What is missing, stated plainly; empty when nothing the rules look for is missing. */
  static List<String> of(Section s) {
    List<Section.Row> rows = s.rows();
    List<Cerqual.Weighted> items = s.items();
    EvidenceBase base = s.base();
    List<String> out = new ArrayList<>();
    if (rows.isEmpty()) {
      out.add(
          s.kind() == Section.Kind.THEORY_CMOC
              ? "No study CMOC links to this theory CMOC: it has no evidence in the graph."
              : "No study CMOC names this mechanism.");
      return out;
    }
    if (items.isEmpty()) {
      out.add("The contributing CMOCs have no evidence items.");
      return out;
    }
    List<String> findingStudies =
        items.stream().map(w -> w.item().study()).distinct().sorted().toList();
    if (findingStudies.size() == 1) {
      out.add(
          "Single study: every finding comes from "
              + base.study(findingStudies.get(0))
                  .map(EvidenceBase.Study::citation)
                  .orElse(findingStudies.get(0))
              + ".");
    }
    Set<String> perspectives = new LinkedHashSet<>();
    items.forEach(w -> perspectives.add(Cerqual.perspective(w.item())));
    if (perspectives.size() == 1) {
      out.add(
          "Single perspective: all "
              + Cerqual.plural(items.size(), "evidence item speaks", "evidence items speak")
              + " from one perspective ("
              + perspectives.iterator().next()
              + ").");
    }
    if (items.stream().noneMatch(w -> "participant".equals(w.item().speaker()))) {
      out.add(
          "No participant voice: every evidence item is an authors' statement or an extractor's"
              + " inference, none a participant's own words.");
    }
    if (items.stream().noneMatch(w -> w.item().concernsOutcome())) {
      out.add("No outcome evidence: no evidence item speaks to an outcome of these CMOCs.");
    }
    List<Section.Part<EvidenceBase.Outcome>> outcomes = s.outcomes();
    if (outcomes.isEmpty()) {
      out.add("No outcomes: the contributing CMOCs name no outcome.");
    } else if (outcomes.stream().allMatch(o -> o.part().direction() == null)) {
      out.add(
          "No outcome direction: none of the "
              + Cerqual.plural(outcomes.size(), "outcome reports", "outcomes report")
              + " a direction of change.");
    }
    if (rows.stream().allMatch(r -> r.cmoc().resource() == null)) {
      out.add(
          "Resource not reported: no contributing CMOC reports the resource the programme offers.");
    }
    if (rows.stream().allMatch(r -> r.cmoc().response() == null)) {
      out.add(
          "Reasoning not reported: no contributing CMOC reports the reasoning the resource triggers in people.");
    }
    if (rows.stream().allMatch(r -> r.cmoc().contexts().isEmpty())) {
      out.add("No contexts: the contributing CMOCs name no context.");
    } else if (s.contexts("blocking").isEmpty()) {
      out.add("No blocking contexts: no contributing CMOC names a context that blocks it.");
    }
    long unverified = items.stream().filter(w -> !w.item().verified()).count();
    if (unverified > 0) {
      out.add(
          "Unverified quotes: "
              + Cerqual.plural((int) unverified, "quote has", "quotes have")
              + " no registered source text to be checked against.");
    }
    return out;
  }
}
