package org.cmograph.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * GRADE-CERQual for one review finding (a theory configuration) or one mechanism: the review team's
 * judgement, where the theory file records one, and indicators computed from the graph that inform
 * it. The indicators are never a judgement: there is no computed overall confidence, and where the
 * team has not assessed a finding the summaries say "not yet assessed" (REALIST.md, "Confidence";
 * docs/summaries.md gives each rule with its reason).
 *
 * <ul>
 *   <li>Only findings count; reports of one study are one body of evidence, and findings of a
 *       report that restates another study are not counted as data (they say nothing new).
 *   <li>Adequacy: findings, independent studies, perspectives, actors and who speaks.
 *   <li>Coherence: the split by stance. Refining evidence says when or for whom the finding holds;
 *       it is not incoherence. Refuting findings are listed for the team to judge whether the
 *       contexts explain them.
 *   <li>Methodological limitations: the contributing studies' own appraisal ratings.
 *   <li>Relevance: the studies' relevance ratings and, for a theory configuration, how the contexts
 *       of the contributing configurations fit the finding's contexts (shared context concepts).
 * </ul>
 */
public final class Cerqual {
  private Cerqual() {}

  /** The four components, in the order GRADE-CERQual tables list them. */
  public static final List<String> COMPONENTS =
      List.of("methodological limitations", "coherence", "adequacy", "relevance");

  /** A computed indicator for one component, with the evidence items it rests on. */
  public record Indicator(String component, String text, List<String> evidence) {}

  /** The review team's judgement (if recorded) and the computed indicators beside it. */
  public record Profile(Optional<EvidenceBase.Assessment> judgement, List<Indicator> indicators) {
    public boolean assessed() {
      return judgement.isPresent();
    }

    /** The team's judgement of component {@code i} (in {@link #COMPONENTS} order), or null. */
    public EvidenceBase.Judgement judgementOf(int i) {
      if (judgement.isEmpty()) {
        return null;
      }
      EvidenceBase.Assessment a = judgement.get();
      return switch (i) {
        case 0 -> a.limitations();
        case 1 -> a.coherence();
        case 2 -> a.adequacy();
        default -> a.relevance();
      };
    }

    /** "Moderate" (the team's overall confidence) or "Not yet assessed". */
    public String confidence() {
      return judgement
          .map(a -> Text.capital(Stances.confidenceLabel(a.overall())))
          .orElse(NOT_ASSESSED);
    }
  }

  public static final String NOT_ASSESSED = "Not yet assessed";

  /** An evidence item and its stance toward the finding being assessed. */
  public record Weighted(EvidenceBase.Evidence item, String stance) {}

  /**
   * The profile of a finding.
   *
   * @param items the findings behind it, each once, with its stance toward it
   * @param rows the contributing study configurations
   * @param findingContexts the finding's own contexts (a theory configuration), or empty
   */
  public static Profile profile(
      Function<String, Optional<EvidenceBase.Study>> studies,
      List<Weighted> items,
      List<EvidenceBase.StudyCmoc> rows,
      List<EvidenceBase.Context> findingContexts,
      boolean isFinding,
      Optional<EvidenceBase.Assessment> judgement) {
    Bodies bodies = new Bodies(studies, items);
    List<Weighted> counted =
        items.stream().filter(w -> !bodies.restating(w.item().study())).toList();
    return new Profile(
        judgement,
        List.of(
            limitations(studies, counted),
            coherence(counted),
            adequacy(bodies, counted, items, rows),
            relevance(studies, counted, rows, findingContexts, isFinding)));
  }

  /**
   * Studies grouped into bodies of evidence: a study and the other reports of it ({@code
   * same-study}) are one body; a study that restates another's findings ({@code restates}) adds no
   * data of its own.
   */
  static final class Bodies {
    private final Map<String, String> root = new HashMap<>();
    private final Set<String> restating = new TreeSet<>();

    Bodies(Function<String, Optional<EvidenceBase.Study>> studies, List<Weighted> items) {
      for (Weighted w : items) {
        String id = w.item().study();
        studies
            .apply(id)
            .ifPresent(
                s -> {
                  for (EvidenceBase.Related r : s.related()) {
                    if ("restates".equals(r.relation())) {
                      restating.add(id);
                    } else {
                      union(id, r.study());
                    }
                  }
                });
      }
    }

    private String find(String id) {
      String r = root.getOrDefault(id, id);
      return r.equals(id) ? id : find(r);
    }

    private void union(String a, String b) {
      String ra = find(a);
      String rb = find(b);
      if (!ra.equals(rb)) {
        // The smaller id names the body, so the grouping does not depend on reading order.
        if (ra.compareTo(rb) < 0) {
          root.put(rb, ra);
        } else {
          root.put(ra, rb);
        }
      }
    }

    boolean restating(String study) {
      return restating.contains(study);
    }

    /** The body a study belongs to, named by its smallest study id. */
    String body(String study) {
      return find(study);
    }
  }

  static Indicator adequacy(
      Bodies bodies,
      List<Weighted> counted,
      List<Weighted> all,
      List<EvidenceBase.StudyCmoc> rows) {
    Set<String> studies = new TreeSet<>();
    Set<String> bodyIds = new TreeSet<>();
    counted.forEach(
        w -> {
          studies.add(w.item().study());
          bodyIds.add(bodies.body(w.item().study()));
        });
    Set<String> perspectives = new TreeSet<>();
    counted.forEach(w -> perspectives.add(perspective(w.item())));
    Set<String> actors = new TreeSet<>();
    Set<String> contributing = new TreeSet<>();
    counted.forEach(w -> contributing.add(w.item().cmocKey()));
    for (EvidenceBase.StudyCmoc c : rows) {
      if (contributing.contains(c.key())) {
        if (c.actor() != null) {
          actors.add(actorName(c.actor()));
        }
        c.outcomes().stream()
            .filter(o -> o.actor() != null)
            .forEach(o -> actors.add(actorName(o.actor())));
      }
    }
    long participant =
        counted.stream().filter(w -> "participant".equals(w.item().speaker())).count();
    long authors = counted.stream().filter(w -> "authors".equals(w.item().speaker())).count();
    long extractor = counted.stream().filter(w -> "extractor".equals(w.item().speaker())).count();
    StringBuilder text = new StringBuilder();
    text.append(plural(counted.size(), "finding", "findings"))
        .append(" from ")
        .append(plural(bodyIds.size(), "independent study", "independent studies"));
    if (studies.size() > bodyIds.size()) {
      text.append(" (").append(plural(studies.size(), "report", "reports")).append(")");
    }
    text.append("; ")
        .append(participant)
        .append(" in participants' words, ")
        .append(authors)
        .append(" authors' statements, ")
        .append(extractor)
        .append(" extractor inferences; perspectives: ")
        .append(perspectives.isEmpty() ? "none" : String.join(", ", perspectives))
        .append("; actors: ")
        .append(actors.isEmpty() ? "not stated" : String.join(", ", actors));
    long restated = all.size() - counted.size();
    if (restated > 0) {
      text.append("; ")
          .append(plural((int) restated, "finding restates", "findings restate"))
          .append(" another study and is not counted");
    }
    return new Indicator("adequacy", text.toString(), keys(counted));
  }

  static Indicator coherence(List<Weighted> items) {
    Map<String, List<Weighted>> byStance = new LinkedHashMap<>();
    Stances.STANCES.forEach(s -> byStance.put(s, new ArrayList<>()));
    items.forEach(w -> byStance.computeIfAbsent(w.stance(), k -> new ArrayList<>()).add(w));
    int supports = byStance.get("supports").size();
    int refines = byStance.get("refines").size();
    List<Weighted> refuting = byStance.get("refutes");
    String text;
    if (items.isEmpty()) {
      text = "no findings to compare";
    } else {
      text =
          supports
              + " supporting, "
              + refines
              + " refining, "
              + refuting.size()
              + " refuting"
              + (refines > 0
                  ? "; refining findings are listed under Conflicting evidence: whether they explain when or for whom it holds (not incoherence) or are unexplained variation is the review team's judgement"
                  : "")
              + (refuting.isEmpty()
                  ? "; no finding refutes it"
                  : "; refuting findings from "
                      + String.join(
                          ", ",
                          refuting.stream().map(w -> w.item().study()).distinct().sorted().toList())
                      + ": whether their contexts explain them is the review team's judgement");
    }
    return new Indicator("coherence", text, keys(items));
  }

  static Indicator limitations(
      Function<String, Optional<EvidenceBase.Study>> studies, List<Weighted> items) {
    return new Indicator(
        "methodological limitations",
        ratings(studies, items, EvidenceBase.Study::limitations, "methodological limitations"),
        keys(items));
  }

  static Indicator relevance(
      Function<String, Optional<EvidenceBase.Study>> studies,
      List<Weighted> items,
      List<EvidenceBase.StudyCmoc> rows,
      List<EvidenceBase.Context> findingContexts,
      boolean isFinding) {
    StringBuilder text =
        new StringBuilder(ratings(studies, items, EvidenceBase.Study::relevance, "relevance"));
    if (isFinding) {
      text.append("; ").append(contextFit(items, rows, findingContexts));
    }
    return new Indicator("relevance", text.toString(), keys(items));
  }

  /**
   * How the contributing configurations' contexts fit the finding's: how many of them share a
   * context concept with it. Contexts without a catalogue concept cannot be compared.
   */
  static String contextFit(
      List<Weighted> items,
      List<EvidenceBase.StudyCmoc> rows,
      List<EvidenceBase.Context> findingContexts) {
    Set<String> wanted = new TreeSet<>();
    findingContexts.stream()
        .map(EvidenceBase.Context::concept)
        .filter(k -> k != null)
        .forEach(wanted::add);
    Set<String> contributing = new TreeSet<>();
    items.forEach(w -> contributing.add(w.item().cmocKey()));
    List<EvidenceBase.StudyCmoc> used =
        rows.stream().filter(c -> contributing.contains(c.key())).toList();
    if (used.isEmpty()) {
      return "context fit: no contributing configuration";
    }
    if (wanted.isEmpty()) {
      return "context fit: not computed (the finding's contexts name no context concept)";
    }
    List<String> matching = new ArrayList<>();
    int comparable = 0;
    for (EvidenceBase.StudyCmoc c : used) {
      Set<String> theirs = new TreeSet<>();
      c.contexts().stream()
          .map(EvidenceBase.Context::concept)
          .filter(k -> k != null)
          .forEach(theirs::add);
      if (!theirs.isEmpty()) {
        comparable++;
      }
      theirs.retainAll(wanted);
      if (!theirs.isEmpty()) {
        matching.add(c.key() + " (" + String.join(", ", theirs) + ")");
      }
    }
    return "context fit: "
        + matching.size()
        + " of "
        + plural(
            used.size(), "contributing configuration shares", "contributing configurations share")
        + " a context concept with the finding"
        + (matching.isEmpty() ? "" : ": " + String.join("; ", matching))
        + (comparable < used.size()
            ? "; " + (used.size() - comparable) + " name no context concept"
            : "");
  }

  private static String ratings(
      Function<String, Optional<EvidenceBase.Study>> studies,
      List<Weighted> items,
      Function<EvidenceBase.Study, String> rating,
      String name) {
    Map<String, List<String>> byLevel =
        new TreeMap<>(java.util.Comparator.comparingInt(Stances::concernRank));
    List<String> unrated = new ArrayList<>();
    for (String id : new TreeSet<>(items.stream().map(w -> w.item().study()).toList())) {
      String level = studies.apply(id).map(rating).orElse(null);
      if (level == null || Stances.concernRank(level) < 0) {
        unrated.add(id);
      } else {
        byLevel.computeIfAbsent(level, k -> new ArrayList<>()).add(id);
      }
    }
    List<String> parts = new ArrayList<>();
    byLevel.forEach(
        (level, ids) -> parts.add(Stances.concernLabel(level) + ": " + String.join(", ", ids)));
    if (!unrated.isEmpty()) {
      parts.add("not appraised: " + String.join(", ", unrated));
    }
    return parts.isEmpty()
        ? "no contributing study"
        : "studies' own " + name + " ratings: " + String.join("; ", parts);
  }

  private static String actorName(EvidenceBase.Actor a) {
    return a.type() != null ? a.type() : a.id();
  }

  private static List<String> keys(List<Weighted> items) {
    return items.stream().map(w -> w.item().key()).distinct().toList();
  }

  static String perspective(EvidenceBase.Evidence e) {
    return e.perspective() == null ? "not stated" : e.perspective();
  }

  static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
