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
      } else if (b instanceof Doc.Para p && p.content().size() > 1 && p.content().get(1).kind() == Doc.Inline.Kind.COUNT) {
        current.groups().put(p.content().get(0).text(), p.content().get(1).evidence());
      } else if (b instanceof Doc.Quote q) {
        current.quotes().add(q);
      }
    }
  }

  static String id(EvidenceBase.Evidence e) {
    return e.study() + "/" + e.id();
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
      Map<String, Set<String>> stances = new TreeMap<>();
      for (EvidenceBase.StudyCmoc c : base.cmocs()) {
        String link = c.theoryLinks().get(t.id());
        if (link != null) {
          for (EvidenceBase.Evidence e : base.evidenceOf(c.key())) {
            stances.computeIfAbsent(id(e), k -> new TreeSet<>()).add(Stances.compose(link, e.stance()));
          }
        }
      }
      assertEquals(stances.keySet(), all(p), t.id());
      assertEquals(stances.size(), p.quotes().size(), t.id() + ": one quote per item, no cap");
      int listed = p.groups().values().stream().mapToInt(List::size).sum();
      assertEquals(stances.size(), listed, t.id() + ": each item in one group");
      for (String stance : Stances.STANCES) {
        for (String item : p.groups().getOrDefault(Text.capital(stance) + ": ", List.of())) {
          assertTrue(stances.get(item).contains(stance), item + " is not " + stance + " toward " + t.id());
        }
      }
      mixed += p.groups().values().stream().filter(g -> !g.isEmpty()).count() > 1 ? 1 : 0;
    }
    assertTrue(mixed >= 2, "the bundled theory has configurations whose evidence splits by stance");
  }

  @Test
  void everyStudyConfigurationShowsItsOwnItemsByTheirStance() {
    for (EvidenceBase.StudyCmoc c : base.cmocs()) {
      Part p = parts.get("appendix-cmoc-" + c.study() + "-" + c.id());
      assertTrue(p != null, "no part for " + c.key());
      List<EvidenceBase.Evidence> items = base.evidenceOf(c.key());
      for (String stance : Stances.STANCES) {
        assertEquals(
            items.stream().filter(e -> e.stance().equals(stance)).map(EvidenceAppendixTest::id).toList(),
            p.groups().getOrDefault(Text.capital(stance) + ": ", List.of()),
            c.key() + ", " + stance);
      }
      List<String> quotes = new ArrayList<>();
      Stances.STANCES.forEach(s -> items.stream().filter(e -> e.stance().equals(s)).forEach(e -> quotes.add(e.quote())));
      assertEquals(quotes, p.quotes().stream().map(Doc.Quote::quote).toList(), c.key());
    }
  }
}
