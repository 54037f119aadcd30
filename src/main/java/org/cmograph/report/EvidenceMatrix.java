package org.cmograph.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Mechanism concept × study, each cell classed as the Theory and Techniques Tool classes technique
 * × mechanism links: link (supporting evidence, none refuting), non-link (refuting evidence, none
 * supporting), inconclusive (both, or only refining evidence) or no evidence, with the counts.
 */
public record EvidenceMatrix(
    List<EvidenceBase.Concept> concepts, List<EvidenceBase.Study> studies, Cell[][] cells) {

  /** How a study's evidence bears on a mechanism. */
  public enum Verdict {
    LINK("link", "✔"),
    INCONCLUSIVE("inconclusive", "?"),
    NON_LINK("non-link", "✘"),
    NO_EVIDENCE("no evidence", "·");

    public final String label;
    public final String symbol;

    Verdict(String label, String symbol) {
      this.label = label;
      this.symbol = symbol;
    }
  }

  /**
   * One cell: the verdict, the counts of supporting, refining and refuting findings, and the
   * findings ("study/item") counted.
   */
  public record Cell(
      Verdict verdict, int supports, int refines, int refutes, List<String> evidence) {
    /** "+2 ~1 −0", or empty for no evidence. */
    public String counts() {
      return verdict == Verdict.NO_EVIDENCE ? "" : "+" + supports + " ~" + refines + " −" + refutes;
    }
  }

  /**
   * Rows: concepts named by at least one study CMOC, by label; columns: studies with any CMOC, by
   * id.
   */
  public static EvidenceMatrix of(EvidenceBase base) {
    if (!base.complete()) {
      throw new IllegalStateException("the evidence matrix needs the whole evidence base");
    }
    // The concepts that have a page (the same list), by studies with a configuration that has a
    // mechanism (outcome patterns have none: the matrix is mechanisms by studies).
    Set<String> used = new TreeSet<>(base.summarisedConcepts());
    Set<String> studyIds = new TreeSet<>();
    base.cmocs().stream().filter(c -> c.concept() != null).forEach(c -> studyIds.add(c.study()));
    // Each cell counts the findings the one counting rule gives the concept, by study.
    Map<List<String>, int[]> counts = new HashMap<>();
    Map<List<String>, List<String>> ids = new HashMap<>();
    for (String concept : used) {
      for (EvidenceBase.Evidence e : base.countingFor(concept)) {
        int stance = Stances.STANCES.indexOf(e.stance());
        if (stance >= 0) {
          List<String> cell = List.of(concept, e.study());
          counts.computeIfAbsent(cell, k -> new int[3])[stance]++;
          ids.computeIfAbsent(cell, k -> new ArrayList<>()).add(e.key());
        }
      }
    }
    // Rows by the names readers see, not by id.
    List<EvidenceBase.Concept> concepts =
        base.concepts().stream()
            .filter(c -> used.contains(c.id()))
            .sorted(
                java.util.Comparator.comparing(
                        (EvidenceBase.Concept c) -> c.label().toLowerCase(java.util.Locale.ROOT))
                    .thenComparing(EvidenceBase.Concept::id))
            .toList();
    List<EvidenceBase.Study> studies =
        base.studies().stream().filter(s -> studyIds.contains(s.id())).toList();
    Cell[][] cells = new Cell[concepts.size()][studies.size()];
    for (int i = 0; i < concepts.size(); i++) {
      for (int j = 0; j < studies.size(); j++) {
        List<String> cell = List.of(concepts.get(i).id(), studies.get(j).id());
        int[] n = counts.get(cell);
        cells[i][j] = n == null ? EMPTY : cell(n[0], n[1], n[2], ids.get(cell));
      }
    }
    return new EvidenceMatrix(concepts, studies, cells);
  }

  private static final Cell EMPTY = cell(0, 0, 0, List.of());

  static Cell cell(int s, int f, int r, List<String> evidence) {
    Verdict v;
    if (s + f + r == 0) {
      v = Verdict.NO_EVIDENCE;
    } else if (r == 0 && s > 0) {
      v = Verdict.LINK;
    } else if (s == 0 && r > 0) {
      v = Verdict.NON_LINK;
    } else {
      v = Verdict.INCONCLUSIVE;
    }
    return new Cell(v, s, f, r, List.copyOf(evidence));
  }

  /** How many studies give each verdict for row {@code i}. */
  public int[] rowCounts(int i) {
    int[] counts = new int[Verdict.values().length];
    for (Cell c : cells[i]) {
      counts[c.verdict().ordinal()]++;
    }
    return counts;
  }

  /** Short column keys (S1, S2, ...) for wide tables, in study order. */
  public List<String> columnKeys() {
    List<String> keys = new ArrayList<>();
    for (int j = 0; j < studies.size(); j++) {
      keys.add("S" + (j + 1));
    }
    return keys;
  }
}
