package org.cmograph.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cmograph.store.CmoStore;
import org.junit.jupiter.api.Test;

/**
 * A summary of a few sections reads only their evidence (a partial base); what it prints must be
 * exactly what the same selection prints from the whole evidence base, and its selection errors the
 * same.
 */
class SummarySelectiveReadTest {

  @Test
  void everySectionOfTheBundledDataReadAloneEqualsItFromTheWholeBase() {
    Summaries full = BundledSummaries.get();
    try (CmoStore store = BundledSummaries.store(false)) {
      List<Summaries.Selection> selections = new ArrayList<>();
      full.mechanismSections()
          .forEach(s -> selections.add(new Summaries.Selection(List.of(s.id()), List.of())));
      full.theorySections()
          .forEach(s -> selections.add(new Summaries.Selection(List.of(), List.of(s.id()))));
      assertTrue(selections.size() > 5, "sections: " + selections);
      // Several at once, a theory CMOC with a mechanism of another, and a repeated id.
      String m1 = full.mechanismSections().get(0).id();
      String m2 = full.mechanismSections().get(full.mechanismSections().size() - 1).id();
      String t1 = full.theorySections().get(0).id();
      selections.add(new Summaries.Selection(List.of(m2, m1, m2), List.of(t1)));
      assertSameAsFromTheWholeBase(full, store, selections);
    }
  }

  @Test
  void selectionErrorsAreTheSameFromAPartialRead() {
    Summaries full = BundledSummaries.get();
    String unused = unusedConcept(full);
    Summaries.Selection bad =
        new Summaries.Selection(
            List.of("trusting-relationshp", unused, "no-such-thing"),
            List.of("downstream-outcome", "nothing"));
    try (CmoStore store = BundledSummaries.store(false)) {
      Summaries partial = Summaries.read(store, bad);
      assertFalse(partial.base().complete());
      List<String> problems = full.check(bad);
      assertEquals(5, problems.size(), problems.toString());
      assertTrue(
          problems.get(1).contains("in the catalogue, but no study or theory CMOC names it"),
          problems.toString());
      assertEquals(problems, partial.check(bad));
    }
  }

  @Test
  void aPartialBaseKnowsTheWholeStoresTotalsButHoldsOnlyWhatItsSectionsNeed() {
    Summaries full = BundledSummaries.get();
    String id = full.mechanismSections().get(0).id();
    try (CmoStore store = BundledSummaries.store(false)) {
      Summaries partial = Summaries.read(store, new Summaries.Selection(List.of(id), List.of()));
      EvidenceBase p = partial.base();
      assertEquals(full.base().totals(), p.totals());
      assertEquals(full.base().conceptsInUse(), p.conceptsInUse());
      assertTrue(p.cmocs().stream().allMatch(c -> c.concept().equals(id)));
      assertTrue(p.cmocs().size() < full.base().cmocs().size());
      assertTrue(p.studies().size() <= full.base().studies().size());
      // What needs everything says so instead of printing a wrong page.
      assertThrows(IllegalStateException.class, partial::mechanismSections);
      assertThrows(
          IllegalStateException.class,
          () ->
              partial.pages(Summaries.Format.MD, new Summaries.Selection(List.of(id), List.of())));
    }
  }

  static void assertSameAsFromTheWholeBase(
      Summaries full, CmoStore store, List<Summaries.Selection> selections) {
    for (Summaries.Selection sel : selections) {
      assertEquals(List.of(), full.check(sel), sel.toString());
      Summaries partial = Summaries.read(store, sel);
      assertFalse(partial.base().complete(), sel.toString());
      for (Summaries.Format f : Summaries.Format.values()) {
        assertEquals(full.document(f, sel), partial.document(f, sel), sel + " as " + f);
      }
    }
  }

  private static String unusedConcept(Summaries full) {
    Set<String> used = new TreeSet<>();
    full.mechanismSections().forEach(s -> used.add(s.id()));
    return full.base().concepts().stream()
        .map(EvidenceBase.Concept::id)
        .filter(id -> !used.contains(id))
        .findFirst()
        .orElseThrow();
  }
}
