package org.cmograph.report;

import java.util.List;

/**
 * Which findings bear on which link of a theory CMOC, and how many studies support (+), refine (~)
 * or refute (−) it: a finding about the whole configuration or about the context → mechanism link
 * bears on the edges into a mechanism, one about the whole configuration or the mechanism → outcome
 * link on the edges out of it (and, where it names outcomes, only on those). Support for one link
 * is not support for the other (REALIST.md). The counts {@link TheoryDiagram} labels its edges
 * with.
 */
final class TheoryLinks {
  private TheoryLinks() {}

  /** Studies per stance among the findings that bear on one link, and those findings. */
  public record Counts(int supports, int refines, int refutes, List<String> evidence) {
    String label() {
      return evidence.isEmpty()
          ? "no finding"
          : "+" + supports + (refines > 0 ? " ~" + refines : "") + " −" + refutes;
    }

    String words() {
      return evidence.isEmpty()
          ? "no finding bears on this link"
          : supports
              + " supporting, "
              + refines
              + " refining, "
              + refutes
              + " refuting "
              + (supports + refines + refutes == 1 ? "study" : "studies")
              + " ("
              + String.join(", ", evidence)
              + ")";
    }
  }

  /** A finding bears on the context → mechanism link. */
  static boolean onContextMechanism(EvidenceBase.Evidence e) {
    return e.about().isEmpty() || e.about().contains("context-mechanism");
  }

  /** A finding bears on the mechanism → outcome link. */
  static boolean onMechanismOutcome(EvidenceBase.Evidence e) {
    return e.about().isEmpty() || e.about().contains("mechanism-outcome");
  }

  /**
   * A finding bears on the link from the mechanism to this outcome (catalogue concept {@code
   * concept}, or null): it bears on the mechanism → outcome link and, where it names outcomes by
   * concept, one of them is this outcome's. Support for personal recovery is not support for
   * readmission.
   */
  static boolean onMechanismOutcome(EvidenceBase.Evidence e, String concept) {
    if (!onMechanismOutcome(e)) {
      return false;
    }
    List<String> named = e.about().stream().filter(a -> a.startsWith("outcome:")).toList();
    return named.isEmpty() || (concept != null && named.contains("outcome:" + concept));
  }

  /** The studies per stance among the findings of {@code s} that bear on {@code link}. */
  static Counts counts(Section s, java.util.function.Predicate<EvidenceBase.Evidence> link) {
    List<Cerqual.Weighted> on = s.items().stream().filter(w -> link.test(w.item())).toList();
    java.util.function.ToIntFunction<String> studies =
        stance ->
            (int)
                on.stream()
                    .filter(w -> w.stance().equals(stance))
                    .map(w -> w.item().study())
                    .distinct()
                    .count();
    return new Counts(
        studies.applyAsInt("supports"),
        studies.applyAsInt("refines"),
        studies.applyAsInt("refutes"),
        on.stream().map(w -> w.item().key()).toList());
  }
}
