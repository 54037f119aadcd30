package org.cmograph.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A GRADE-CERQual confidence profile for one finding (a theory CMOC or a mechanism concept). The
 * four components are computed from the graph with rules that are stated with their numbers, so a
 * reader can check each judgement; the review authors' own assessment and override, from the
 * theory file, are shown beside them and take precedence in the final judgement.
 *
 * <p>Rules (docs/summaries.md explains them):
 *
 * <ul>
 *   <li>adequacy: at least 3 studies and 6 evidence items, no or very minor concerns; at least 2
 *       studies and 3 items, minor; at least 2 items, moderate; otherwise serious.
 *   <li>coherence: all items support, none; no item refutes but some refine, minor; fewer refute
 *       than support, moderate; as many or more refute than support (or none support), serious.
 *   <li>methodological limitations and relevance: the contributing studies' appraisal ratings,
 *       weighted by the number of evidence items each contributes; the level reached when half of
 *       the weight is counted from the worst rating down. Unrated studies are left out; if no
 *       study is rated, moderate concerns (cannot be judged).
 *   <li>overall: start at high; one level down per moderate concern, two per serious concern, and
 *       one for two or more minor concerns; never below very low.
 * </ul>
 */
public final class Cerqual {
  private Cerqual() {}

  /** One computed component: the concern, the numbers it rests on and the rule applied. */
  public record Component(String name, String concern, String basis) {}

  /** The whole profile. */
  public record Profile(
      Component limitations,
      Component coherence,
      Component adequacy,
      Component relevance,
      String computedOverall,
      Optional<EvidenceBase.Assessment> author) {

    public List<Component> components() {
      return List.of(limitations, coherence, adequacy, relevance);
    }

    /** The authors' overall judgement, else the computed one. */
    public String finalConfidence() {
      if (author.isPresent()) {
        return author.get().overall();
      }
      return computedOverall;
    }

    /** Where the final judgement comes from, in words. */
    public String finalSource() {
      if (author.isPresent()) {
        return "review authors' assessment";
      }
      return "computed from the graph";
    }
  }

  /** Computes the profile of the given evidence (each item with its stance toward the finding). */
  public static Profile profile(
      List<EvidenceBase.Study> studies,
      List<Weighted> items,
      Optional<EvidenceBase.Assessment> author) {
    Map<String, EvidenceBase.Study> byId = new java.util.HashMap<>();
    studies.forEach(s -> byId.putIfAbsent(s.id(), s));
    return profile(id -> Optional.ofNullable(byId.get(id)), items, author);
  }

  /** As {@link #profile(List, List, Optional)}, with the studies looked up by id. */
  public static Profile profile(
      Function<String, Optional<EvidenceBase.Study>> studies,
      List<Weighted> items,
      Optional<EvidenceBase.Assessment> author) {
    int studyCount = (int) items.stream().map(w -> w.item().study()).distinct().count();
    Component adequacy = adequacy(studyCount, items);
    Component coherence = coherence(items);
    Component limitations =
        appraisal("methodological limitations", studies, items, EvidenceBase.Study::limitations);
    Component relevance = appraisal("relevance", studies, items, EvidenceBase.Study::relevance);
    return new Profile(
        limitations,
        coherence,
        adequacy,
        relevance,
        overall(List.of(limitations, coherence, adequacy, relevance)),
        author);
  }

  /** An evidence item and its stance toward the finding being assessed. */
  public record Weighted(EvidenceBase.Evidence item, String stance) {}

  static Component adequacy(int studies, List<Weighted> items) {
    int n = items.size();
    long participant = items.stream().filter(w -> "participant".equals(w.item().speaker())).count();
    long authors = items.stream().filter(w -> "authors".equals(w.item().speaker())).count();
    long extractor = items.stream().filter(w -> "extractor".equals(w.item().speaker())).count();
    long perspectives =
        items.stream().map(w -> perspective(w.item())).distinct().count();
    String concern;
    if (studies >= 3 && n >= 6) {
      concern = "none";
    } else if (studies >= 2 && n >= 3) {
      concern = "minor";
    } else if (n >= 2) {
      concern = "moderate";
    } else {
      concern = "serious";
    }
    String basis =
        plural(studies, "study", "studies")
            + ", "
            + plural(n, "evidence item", "evidence items")
            + " ("
            + participant
            + " in participants' words, "
            + authors
            + " authors' statements, "
            + extractor
            + " extractor inferences), "
            + plural((int) perspectives, "perspective", "perspectives");
    return new Component("adequacy", concern, basis);
  }

  static Component coherence(List<Weighted> items) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Stances.STANCES.forEach(s -> counts.put(s, 0));
    items.forEach(w -> counts.merge(w.stance(), 1, Integer::sum));
    int supports = counts.get("supports");
    int refines = counts.get("refines");
    int refutes = counts.get("refutes");
    int total = supports + refines + refutes;
    String concern;
    if (total == 0) {
      concern = "serious";
    } else if (refutes == 0 && refines == 0) {
      concern = "none";
    } else if (refutes == 0) {
      concern = "minor";
    } else if (refutes < supports) {
      concern = "moderate";
    } else {
      concern = "serious";
    }
    int refutingStudies =
        (int) items.stream().filter(w -> w.stance().equals("refutes")).map(w -> w.item().study()).distinct().count();
    String basis =
        total == 0
            ? "no evidence items to compare"
            : supports
                + " supporting, "
                + refines
                + " refining, "
                + refutes
                + " refuting item(s); agreement "
                + Math.round(100.0 * supports / total)
                + "% ("
                + supports
                + " of "
                + total
                + "); refuting evidence from "
                + plural(refutingStudies, "study", "studies");
    return new Component("coherence", concern, basis);
  }

  static Component appraisal(
      String name,
      Function<String, Optional<EvidenceBase.Study>> studies,
      List<Weighted> items,
      Function<EvidenceBase.Study, String> rating) {
    Map<String, Integer> weight = new TreeMap<>();
    items.forEach(w -> weight.merge(w.item().study(), 1, Integer::sum));
    Map<String, List<String>> byLevel = new LinkedHashMap<>();
    List<String> unrated = new ArrayList<>();
    int[] levelWeight = new int[Stances.CONCERNS.size()];
    int rated = 0;
    for (Map.Entry<String, Integer> e : weight.entrySet()) {
      String level =
          studies.apply(e.getKey())
              .map(rating)
              .orElse(null);
      if (level == null || Stances.concernRank(level) < 0) {
        unrated.add(e.getKey());
        continue;
      }
      levelWeight[Stances.concernRank(level)] += e.getValue();
      rated += e.getValue();
      byLevel
          .computeIfAbsent(level, k -> new ArrayList<>())
          .add(e.getKey() + " (" + plural(e.getValue(), "item", "items") + ")");
    }
    String concern;
    if (rated == 0) {
      concern = "moderate";
    } else {
      concern = "none";
      int counted = 0;
      for (int level = Stances.CONCERNS.size() - 1; level >= 0; level--) {
        counted += levelWeight[level];
        if (2 * counted >= rated) {
          concern = Stances.CONCERNS.get(level);
          break;
        }
      }
    }
    List<String> parts = new ArrayList<>();
    for (String level : Stances.CONCERNS) {
      if (byLevel.containsKey(level)) {
        parts.add(level + ": " + String.join(", ", byLevel.get(level)));
      }
    }
    if (!unrated.isEmpty()) {
      parts.add("not rated: " + String.join(", ", unrated));
    }
    String basis =
        rated == 0
            ? "no contributing study has a " + name + " rating" + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")")
            : "study ratings weighted by evidence items; " + String.join("; ", parts);
    return new Component(name, concern, basis);
  }

  static String overall(List<Component> components) {
    int down = 0;
    int minors = 0;
    for (Component c : components) {
      switch (c.concern()) {
        case "moderate" -> down += 1;
        case "serious" -> down += 2;
        case "minor" -> minors++;
        default -> {}
      }
    }
    if (minors >= 2) {
      down += 1;
    }
    return Stances.CONFIDENCE.get(Math.min(down, Stances.CONFIDENCE.size() - 1));
  }

  static String perspective(EvidenceBase.Evidence e) {
    return e.perspective() == null ? "not stated" : e.perspective();
  }

  static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
