package org.cmograph.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Mechanism concept × study, each cell classed as the Theory and Techniques Tool classes technique
 * × mechanism links: link (supporting evidence, none refuting), non-link (refuting evidence, none
 * supporting), inconclusive (both, or only refining evidence) or no evidence, with the counts.
 */
public record EvidenceMatrix(List<EvidenceBase.Concept> concepts, List<EvidenceBase.Study> studies, Cell[][] cells) {

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

  /** One cell: the verdict and the counts of supporting, refining and refuting items. */
  public record Cell(Verdict verdict, int supports, int refines, int refutes) {
    /** "+2 ~1 −0", or empty for no evidence. */
    public String counts() {
      return verdict == Verdict.NO_EVIDENCE ? "" : "+" + supports + " ~" + refines + " −" + refutes;
    }
  }

  /** Rows: concepts named by at least one study CMOC; columns: studies with any CMOC; both by id. */
  public static EvidenceMatrix of(EvidenceBase base) {
    if (!base.complete()) {
      throw new IllegalStateException("the evidence matrix needs the whole evidence base");
    }
    Set<String> used = new TreeSet<>();
    Set<String> studyIds = new TreeSet<>();
    // CMOC key -> the (concept, study) cells its evidence counts in; one pass over CMOCs and items.
    Map<String, Set<List<String>>> cellsOfKey = new HashMap<>();
    // Outcome patterns have no mechanism: the matrix is mechanisms by studies.
    base.cmocs().stream().filter(c -> c.concept() != null).forEach(c -> {
      used.add(c.concept());
      studyIds.add(c.study());
      cellsOfKey.computeIfAbsent(c.key(), k -> new LinkedHashSet<>()).add(List.of(c.concept(), c.study()));
    });
    Map<List<String>, int[]> counts = new HashMap<>();
    for (EvidenceBase.Evidence e : base.evidence()) {
      int stance =
          switch (e.stance()) {
            case "supports" -> 0;
            case "refines" -> 1;
            case "refutes" -> 2;
            default -> -1;
          };
      if (stance < 0) {
        continue;
      }
      for (List<String> cell : cellsOfKey.getOrDefault(e.cmocKey(), Set.of())) {
        counts.computeIfAbsent(cell, k -> new int[3])[stance]++;
      }
    }
    List<EvidenceBase.Concept> concepts =
        base.concepts().stream().filter(c -> used.contains(c.id())).toList();
    List<EvidenceBase.Study> studies =
        base.studies().stream().filter(s -> studyIds.contains(s.id())).toList();
    Cell[][] cells = new Cell[concepts.size()][studies.size()];
    for (int i = 0; i < concepts.size(); i++) {
      for (int j = 0; j < studies.size(); j++) {
        int[] n = counts.get(List.of(concepts.get(i).id(), studies.get(j).id()));
        cells[i][j] = n == null ? EMPTY : cell(n[0], n[1], n[2]);
      }
    }
    return new EvidenceMatrix(concepts, studies, cells);
  }

  private static final Cell EMPTY = cell(0, 0, 0);

  static Cell cell(int s, int f, int r) {
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
    return new Cell(v, s, f, r);
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
