package org.cmograph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evidence appendix of the bundled data: under each theory configuration and each study
 * configuration, every excerpt behind it (no cap), each once, in the group of its stance.
 */
class EvidenceAppendixTest {
  /** What one heading of the appendix holds: the ids counted per group label, and its quotes. */
  record Part(Map<String, List<String>> groups, List<Doc.Quote> quotes) {}

  static Map<String, Part> parts;
  static EvidenceBase base;

  @BeforeAll
  static void read() {
    base = BundledSummaries.get().base();
    parts = new LinkedHashMap<>();
    Part current = null;
    for (Doc.Block b : new EvidenceAppendix(base).blocks(1)) {
      if (b instanceof Doc.Heading h) {
        current = new Part(new TreeMap<>(), new ArrayList<>());
        parts.put(h.anchor(), current);
      } else if (b instanceof Doc.Para p
          && p.content().size() > 1
          && p.content().get(1).kind() == Doc.Inline.Kind.COUNT) {
        current.groups().put(p.content().get(0).text(), p.content().get(1).evidence());
      } else if (b instanceof Doc.Quote q) {
        current.quotes().add(q);
      }
    }
  }

  static String id(EvidenceBase.Evidence e) {
    return e.study() + "/" + e.id();
  }

  /** The label of the group an item is listed under. */
  static String group(EvidenceBase.Evidence e, String stance) {
    return e.isFinding() ? Text.capital(stance) + ": " : "Not a finding (" + e.kind() + "): ";
  }

  static Set<String> all(Part p) {
    Set<String> out = new TreeSet<>();
    p.groups().values().forEach(out::addAll);
    return out;
  }

  @Test
  void everyTheoryConfigurationShowsEveryItemBehindItOnceByStance() {
    int mixed = 0;
    for (EvidenceBase.TheoryCmoc t : base.theory().orElseThrow().cmocs()) {
      Part p = parts.get("appendix-theory-" + t.id());
      assertTrue(p != null, "no part for " + t.id());
      // Each item's group: its stance toward the configuration (a finding), or its kind.
      Map<String, Set<String>> groups = new TreeMap<>();
      for (EvidenceBase.StudyCmoc c : base.cmocs()) {
        String link = c.theoryLinks().get(t.id());
        if (link != null) {
          for (EvidenceBase.Evidence e : base.evidenceOf(c.key())) {
            groups
                .computeIfAbsent(id(e), k -> new TreeSet<>())
                .add(group(e, Stances.compose(link, e.stance() == null ? "supports" : e.stance())));
          }
        }
      }
      assertEquals(groups.keySet(), all(p), t.id());
      assertEquals(groups.size(), p.quotes().size(), t.id() + ": one quote per item, no cap");
      int listed = p.groups().values().stream().mapToInt(List::size).sum();
      assertEquals(groups.size(), listed, t.id() + ": each item in one group");
      p.groups()
          .forEach(
              (label, items) ->
                  items.forEach(
                      item ->
                          assertTrue(
                              groups.get(item).contains(label),
                              item + " is not '" + label + "' for " + t.id())));
      mixed += p.groups().values().stream().filter(g -> !g.isEmpty()).count() > 1 ? 1 : 0;
    }
    assertTrue(mixed >= 2, "the bundled theory has configurations whose evidence splits by stance");
  }

  @Test
  void everyStudyConfigurationShowsItsOwnItemsByStanceAndNonFindingsApart() {
    long nonFindings = 0;
    for (EvidenceBase.StudyCmoc c : base.cmocs()) {
      Part p = parts.get("appendix-cmoc-" + c.study() + "-" + c.id());
      assertTrue(p != null, "no part for " + c.key());
      List<EvidenceBase.Evidence> items = base.evidenceOf(c.key());
      Map<String, List<String>> groups = new TreeMap<>();
      List<String> quotes = new ArrayList<>();
      for (String g : groupOrder()) {
        for (EvidenceBase.Evidence e : items) {
          if (group(e, e.stance()).equals(g)) {
            groups.computeIfAbsent(g, k -> new ArrayList<>()).add(id(e));
            quotes.add(e.quote());
          }
        }
      }
      for (String stance : Stances.STANCES) {
        groups.putIfAbsent(Text.capital(stance) + ": ", List.of());
      }
      assertEquals(items.isEmpty() ? Map.of() : groups, p.groups(), c.key());
      assertEquals(quotes, p.quotes().stream().map(Doc.Quote::quote).toList(), c.key());
      nonFindings += items.stream().filter(e -> !e.isFinding()).count();
    }
    assertTrue(nonFindings > 10, "the bundled data has non-findings to show apart: " + nonFindings);
  }

  static List<String> groupOrder() {
    List<String> out = new ArrayList<>();
    Stances.STANCES.forEach(s -> out.add(Text.capital(s) + ": "));
    EvidenceAppendix.OTHER_KINDS.forEach(k -> out.add("Not a finding (" + k + "): "));
    return out;
  }
}
