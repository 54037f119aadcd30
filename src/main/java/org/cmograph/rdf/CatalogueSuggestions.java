package org.cmograph.rdf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.cmograph.extraction.ConceptLabels;

/**
 * Where the mechanism catalogue may need a curator's decision: study mechanisms that name no
 * concept of the catalogue, and concepts that only one study uses (a new idea, or another study's
 * concept under a new name?), each with the closest other concepts by label similarity. Feed it the
 * study graphs one by one, then ask for the report.
 *
 * <pre>
 * CatalogueSuggestions s = new CatalogueSuggestions(labels);
 * StudyGraphs.forEach(store, s::add);
 * CatalogueSuggestions.Report r = s.report(Set.of());
 * </pre>
 */
public final class CatalogueSuggestions {
  /** Matches below this similarity are not worth showing. */
  static final double MIN_SCORE = 0.2;

  /** One study's mechanism, in its own words. */
  public record StudyMechanism(String study, String cmoc, String concept, String wording) {}

  /** A concept with the mechanisms that use it and the concepts nearest to their wordings. */
  public record ConceptUse(
      String concept,
      String label,
      List<StudyMechanism> mechanisms,
      List<ConceptLabels.Match> closest) {
    public Set<String> studies() {
      Set<String> out = new TreeSet<>();
      mechanisms.forEach(m -> out.add(m.study()));
      return out;
    }
  }

  /** A mechanism whose concept is not in the catalogue, with the nearest concepts. */
  public record Unmapped(StudyMechanism mechanism, List<ConceptLabels.Match> closest) {}

  /**
   * @param usedConcepts how many concepts at least one study uses
   * @param unused concepts no study uses
   */
  public record Report(
      int concepts,
      int usedConcepts,
      int studies,
      List<Unmapped> unmapped,
      List<ConceptUse> singleStudy,
      List<ConceptUse> asked,
      List<String> unused) {}

  private final ConceptLabels labels;
  private final Map<String, List<StudyMechanism>> byConcept = new TreeMap<>();
  private final List<StudyMechanism> unmapped = new ArrayList<>();
  private final Set<String> studies = new TreeSet<>();

  public CatalogueSuggestions(ConceptLabels labels) {
    this.labels = labels;
  }

  /** Takes in the mechanisms of one study graph. */
  public void add(String studyId, Graph g) {
    studies.add(studyId);
    Node study = new Iris().study(studyId);
    g.find(study, Vocab.reportsCMOC, Node.ANY)
        .forEachRemaining(
            t -> {
              Node cmoc = t.getObject();
              Node mechanism = object(g, cmoc, Vocab.hasMechanism);
              if (mechanism == null) {
                // An outcome pattern has no mechanism, so nothing to map to the catalogue.
                return;
              }
              String concept = null;
              Node c = object(g, mechanism, Vocab.instanceOfConcept);
              if (c != null && c.isURI() && c.getURI().startsWith(Vocab.MECHANISM)) {
                concept = c.getURI().substring(Vocab.MECHANISM.length());
              }
              String wording = literal(g, mechanism, Vocab.studyWording);
              if (wording == null) {
                String resource = label(g, object(g, mechanism, Vocab.hasResource));
                String response = label(g, object(g, mechanism, Vocab.hasResponse));
                wording = join(resource, response);
              }
              if (wording == null) {
                wording = literal(g, cmoc, Vocab.label);
              }
              StudyMechanism m =
                  new StudyMechanism(studyId, literal(g, cmoc, Vocab.identifier), concept, wording);
              if (concept == null || !labels.contains(concept)) {
                unmapped.add(m);
              } else {
                byConcept.computeIfAbsent(concept, k -> new ArrayList<>()).add(m);
              }
            });
  }

  /**
   * @param asked concepts to report whatever their use (empty: none)
   */
  public Report report(Collection<String> asked) {
    List<Unmapped> none = new ArrayList<>();
    for (StudyMechanism m : unmapped) {
      none.add(new Unmapped(m, labels.closest(m.wording(), 3, MIN_SCORE, Set.of())));
    }
    none.sort(
        (a, b) ->
            (a.mechanism().study() + "/" + a.mechanism().cmoc())
                .compareTo(b.mechanism().study() + "/" + b.mechanism().cmoc()));
    List<ConceptUse> single = new ArrayList<>();
    List<ConceptUse> shown = new ArrayList<>();
    for (Map.Entry<String, List<StudyMechanism>> e : byConcept.entrySet()) {
      Set<String> usedBy = new TreeSet<>();
      e.getValue().forEach(m -> usedBy.add(m.study()));
      if (usedBy.size() == 1) {
        single.add(use(e.getKey(), e.getValue()));
      }
    }
    for (String id : new TreeSet<>(asked)) {
      shown.add(use(id, byConcept.getOrDefault(id, List.of())));
    }
    List<String> unused = new ArrayList<>();
    for (String id : labels.conceptIds()) {
      if (!byConcept.containsKey(id)) {
        unused.add(id);
      }
    }
    return new Report(
        labels.conceptIds().size(), byConcept.size(), studies.size(), none, single, shown, unused);
  }

  /** The concept's use, with the other concepts nearest to any of its mechanisms' wordings. */
  private ConceptUse use(String concept, List<StudyMechanism> mechanisms) {
    Map<String, ConceptLabels.Match> best = new HashMap<>();
    Set<String> texts = new TreeSet<>();
    mechanisms.forEach(m -> texts.add(m.wording()));
    if (texts.isEmpty()) {
      texts.add(labels.prefLabel(concept));
    }
    for (String text : texts) {
      for (ConceptLabels.Match m : labels.closest(text, 3, MIN_SCORE, Set.of(concept))) {
        best.merge(m.id(), m, (a, b) -> a.score() >= b.score() ? a : b);
      }
    }
    List<ConceptLabels.Match> closest = new ArrayList<>(best.values());
    closest.sort(
        (a, b) ->
            a.score() != b.score()
                ? Double.compare(b.score(), a.score())
                : a.id().compareTo(b.id()));
    if (closest.size() > 3) {
      closest = closest.subList(0, 3);
    }
    List<StudyMechanism> sorted = new ArrayList<>(mechanisms);
    sorted.sort((a, b) -> (a.study() + "/" + a.cmoc()).compareTo(b.study() + "/" + b.cmoc()));
    return new ConceptUse(
        concept, labels.prefLabel(concept), List.copyOf(sorted), List.copyOf(closest));
  }

  private static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + "; " + b;
  }

  private static Node object(Graph g, Node s, Node p) {
    if (s == null) {
      return null;
    }
    var it = g.find(s, p, Node.ANY);
    try {
      return it.hasNext() ? it.next().getObject() : null;
    } finally {
      it.close();
    }
  }

  private static String literal(Graph g, Node s, Node p) {
    Node o = object(g, s, p);
    return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
  }

  private static String label(Graph g, Node s) {
    return s == null ? null : literal(g, s, Vocab.label);
  }
}
