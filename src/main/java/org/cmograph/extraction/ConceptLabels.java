package org.cmograph.extraction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The mechanism catalogue's concepts with their labels (preferred label first, then the studies'
 * own wordings), so that importers and the catalogue's curators can find the concept a wording
 * means without an RDF library. The rdf package reads it from the SKOS catalogue.
 */
public final class ConceptLabels implements ConceptCatalogue {
  private final Map<String, List<String>> labelsById;

  /**
   * @param labelsById each concept id with its labels, preferred label first
   */
  public ConceptLabels(Map<String, List<String>> labelsById) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    labelsById.keySet().stream()
        .sorted()
        .forEach(id -> copy.put(id, List.copyOf(labelsById.get(id))));
    this.labelsById = copy;
  }

  /** One concept that resembles a text, with the label that matched and how well. */
  public record Match(String id, String label, double score) {
    /** {@code id "label" 0.62}, for reports. */
    public String describe() {
      return String.format(Locale.ROOT, "%s \"%s\" %.2f", id, label, score);
    }
  }

  @Override
  public Set<String> conceptIds() {
    return labelsById.keySet();
  }

  public List<String> labels(String id) {
    return labelsById.getOrDefault(id, List.of());
  }

  /** The preferred label, or the id when the concept has none. */
  public String prefLabel(String id) {
    List<String> labels = labels(id);
    return labels.isEmpty() ? id : labels.get(0);
  }

  /**
   * The concept whose id or one of whose labels is the text itself (ignoring case, punctuation and
   * spacing), or null.
   */
  public String exactMatch(String text) {
    if (text == null) {
      return null;
    }
    String key = plain(text);
    for (Map.Entry<String, List<String>> e : labelsById.entrySet()) {
      if (plain(e.getKey()).equals(key)) {
        return e.getKey();
      }
      for (String label : e.getValue()) {
        if (plain(label).equals(key)) {
          return e.getKey();
        }
      }
    }
    return null;
  }

  /**
   * The concepts most like {@code text} by {@link LabelSimilarity}, best first; each scored by its
   * best-matching label.
   *
   * @param exclude concept ids to leave out (e.g. the concept a mechanism already has)
   */
  public List<Match> closest(String text, int limit, double minScore, Collection<String> exclude) {
    List<Match> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (Map.Entry<String, List<String>> e : labelsById.entrySet()) {
      if (exclude.contains(e.getKey())) {
        continue;
      }
      Match best = null;
      for (String label : e.getValue()) {
        double s = LabelSimilarity.score(text, label);
        if (best == null || s > best.score()) {
          best = new Match(e.getKey(), label, s);
        }
      }
      double byId = LabelSimilarity.score(text, e.getKey().replace('-', ' '));
      if (best == null || byId > best.score()) {
        best = new Match(e.getKey(), prefLabel(e.getKey()), byId);
      }
      if (best.score() >= minScore) {
        out.add(best);
      }
    }
    out.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::id));
    return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
  }

  private static String plain(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }
}
