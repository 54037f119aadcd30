package org.cmograph.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cmograph.report.Section.ActorRow;

/**
 * For whom a finding holds: the actors of the contributing configurations, whose reasoning the
 * mechanism describes and whose outcomes the outcomes are, each with the findings that bear on that
 * part of the configuration.
 */
final class ForWhom {
  private ForWhom() {}

  /** Whose reasoning and whose outcomes the contributing configurations are about, by actor. */
  static List<ActorRow> rows(List<Section.Row> rows, List<Cerqual.Weighted> items) {
    Map<String, List<Cerqual.Weighted>> byCmoc = new LinkedHashMap<>();
    items.forEach(w -> byCmoc.computeIfAbsent(w.item().cmocKey(), k -> new ArrayList<>()).add(w));
    Map<List<String>, ActorRow> rowsOf =
        new TreeMap<>(
            java.util.Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
    for (Section.Row r : rows) {
      EvidenceBase.StudyCmoc c = r.cmoc();
      if (c.actor() != null) {
        add(rowsOf, name(c.actor()), "reasoning", c, byCmoc, null, ForWhom::onReasoning);
      }
      for (EvidenceBase.Outcome o : c.outcomes()) {
        if (o.actor() != null) {
          add(rowsOf, name(o.actor()), "outcome", c, byCmoc, o.description(), ForWhom::onOutcome);
        }
      }
    }
    return List.copyOf(rowsOf.values());
  }

  /**
   * A finding bears on the mechanism's reasoning: the whole configuration, or a mechanism part or
   * link.
   */
  static boolean onReasoning(EvidenceBase.Evidence e) {
    return e.about().isEmpty()
        || e.about().stream()
            .anyMatch(
                a ->
                    List.of(
                            "mechanism",
                            "resource",
                            "response",
                            "context-mechanism",
                            "mechanism-outcome")
                        .contains(a));
  }

  /** A finding bears on the outcomes: the whole configuration, an outcome, or a link to one. */
  static boolean onOutcome(EvidenceBase.Evidence e) {
    return e.about().isEmpty()
        || e.about().stream()
            .anyMatch(a -> List.of("outcome", "mechanism-outcome", "context-outcome").contains(a));
  }

  private static String name(EvidenceBase.Actor a) {
    return a.type() != null ? a.type() : a.id();
  }

  private static void add(
      Map<List<String>, ActorRow> rowsOf,
      String actor,
      String role,
      EvidenceBase.StudyCmoc c,
      Map<String, List<Cerqual.Weighted>> byCmoc,
      String outcome,
      java.util.function.Predicate<EvidenceBase.Evidence> bears) {
    ActorRow row =
        rowsOf.computeIfAbsent(
            List.of(actor, role),
            k ->
                new ActorRow(actor, role, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
    if (!row.configurations().contains(c)) {
      row.configurations().add(c);
      for (Cerqual.Weighted w : byCmoc.getOrDefault(c.key(), List.of())) {
        if (bears.test(w.item())
            && row.findings().stream().noneMatch(x -> x.item().key().equals(w.item().key()))) {
          row.findings().add(w);
        }
      }
    }
    if (outcome != null && !row.outcomes().contains(outcome)) {
      row.outcomes().add(outcome);
    }
  }
}
