package org.cmograph.rdf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * What replacing a study's graph would change, in the study's own terms: CMOCs, evidence items and
 * catalogue links added, changed or removed, and which study facts change. Both graphs are study
 * graphs as {@link StudyGraphBuilder} makes them; the file's own path and hash and the software
 * version are not facts about the study and are left out.
 *
 * <pre>
 * StudyDiff.Result d = StudyDiff.compare("gillard-2024", graphInStore, graphOfFile);
 * </pre>
 */
public final class StudyDiff {
  private StudyDiff() {}

  public enum Kind {
    ADDED,
    CHANGED,
    REMOVED
  }

  /**
   * One thing that changes; {@code detail} says what, for changed ones ("stance supports →
   * refutes").
   */
  public record Change(Kind kind, String id, String detail) {}

  /**
   * @param newStudy true when the store does not hold the study yet
   */
  public record Result(
      String studyId,
      boolean newStudy,
      List<Change> cmocs,
      List<Change> evidence,
      List<Change> links,
      List<String> studyFacts) {
    public boolean isEmpty() {
      return cmocs.isEmpty() && evidence.isEmpty() && links.isEmpty() && studyFacts.isEmpty();
    }
  }

  public static Result compare(String studyId, Graph before, Graph after) {
    Iris iris = new Iris();
    Node study = iris.study(studyId);
    boolean newStudy = !before.contains(study, Vocab.type, Vocab.Study);
    Map<String, Map<String, Set<String>>> cmocsBefore = cmocFacts(before, study);
    Map<String, Map<String, Set<String>>> cmocsAfter = cmocFacts(after, study);
    List<Change> cmocs = changes(cmocsBefore, cmocsAfter, "label");
    List<Change> evidence =
        changes(evidenceFacts(before, study), evidenceFacts(after, study), "quote");
    List<Change> links = new ArrayList<>();
    Map<String, String> conceptBefore = concepts(before, study);
    Map<String, String> conceptAfter = concepts(after, study);
    for (String id : union(conceptBefore.keySet(), conceptAfter.keySet())) {
      String a = conceptBefore.get(id);
      String b = conceptAfter.get(id);
      if (a == null) {
        links.add(new Change(Kind.ADDED, id, b));
      } else if (b == null) {
        links.add(new Change(Kind.REMOVED, id, a));
      } else if (!a.equals(b)) {
        links.add(new Change(Kind.CHANGED, id, a + " → " + b));
      }
    }
    List<String> facts = new ArrayList<>();
    if (!newStudy) {
      Map<String, Set<String>> fb = studyFacts(before, study, iris, studyId);
      Map<String, Set<String>> fa = studyFacts(after, study, iris, studyId);
      for (String key : union(fb.keySet(), fa.keySet())) {
        Set<String> x = fb.getOrDefault(key, Set.of());
        Set<String> y = fa.getOrDefault(key, Set.of());
        if (!Objects.equals(x, y)) {
          facts.add(
              x.size() <= 1 && y.size() <= 1 && isShort(first(x)) && isShort(first(y))
                  ? key
                      + " "
                      + (x.isEmpty() ? "(none)" : first(x))
                      + " → "
                      + (y.isEmpty() ? "(none)" : first(y))
                  : key + " changed");
        }
      }
    }
    return new Result(studyId, newStudy, cmocs, evidence, links, facts);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /** Added, changed and removed entities; {@code show} is the fact quoted for added ones. */
  private static List<Change> changes(
      Map<String, Map<String, Set<String>>> before,
      Map<String, Map<String, Set<String>>> after,
      String show) {
    List<Change> out = new ArrayList<>();
    for (String id : union(before.keySet(), after.keySet())) {
      Map<String, Set<String>> a = before.get(id);
      Map<String, Set<String>> b = after.get(id);
      if (a == null) {
        out.add(new Change(Kind.ADDED, id, first(b.get(show))));
      } else if (b == null) {
        out.add(new Change(Kind.REMOVED, id, first(a.get(show))));
      } else if (!a.equals(b)) {
        out.add(new Change(Kind.CHANGED, id, describe(a, b)));
      }
    }
    return out;
  }

  private static String first(Set<String> values) {
    return values == null || values.isEmpty() ? null : values.iterator().next();
  }

  /** "stance supports → refutes; context rural-areas added" */
  private static String describe(Map<String, Set<String>> a, Map<String, Set<String>> b) {
    List<String> parts = new ArrayList<>();
    Set<String> partsBefore = new TreeSet<>();
    Set<String> partsAfter = new TreeSet<>();
    for (String key : union(a.keySet(), b.keySet())) {
      String part = key.contains(" | ") ? key.substring(0, key.indexOf(" | ")) : null;
      if (part != null) {
        if (a.containsKey(key)) {
          partsBefore.add(part);
        }
        if (b.containsKey(key)) {
          partsAfter.add(part);
        }
      }
    }
    for (String part : union(partsBefore, partsAfter)) {
      if (!partsBefore.contains(part)) {
        parts.add(part + " added");
      } else if (!partsAfter.contains(part)) {
        parts.add(part + " removed");
      }
    }
    for (String key : union(a.keySet(), b.keySet())) {
      String part = key.contains(" | ") ? key.substring(0, key.indexOf(" | ")) : null;
      if (part != null && (!partsBefore.contains(part) || !partsAfter.contains(part))) {
        continue;
      }
      Set<String> x = a.getOrDefault(key, Set.of());
      Set<String> y = b.getOrDefault(key, Set.of());
      if (x.equals(y)) {
        continue;
      }
      String name = key.replace(" | ", " ");
      if (x.size() <= 1 && y.size() <= 1 && isShort(first(x)) && isShort(first(y))) {
        parts.add(
            name
                + " "
                + (x.isEmpty() ? "(none)" : first(x))
                + " → "
                + (y.isEmpty() ? "(none)" : first(y)));
      } else if (x.isEmpty()) {
        parts.add(name + " added");
      } else if (y.isEmpty()) {
        parts.add(name + " removed");
      } else {
        parts.add(name + " changed");
      }
    }
    return String.join("; ", parts);
  }

  private static boolean isShort(String s) {
    return s == null || s.length() <= 40;
  }

  // ---- facts, as "part | property" → values ----

  private static Map<String, Map<String, Set<String>>> cmocFacts(Graph g, Node study) {
    Map<String, Map<String, Set<String>>> out = new TreeMap<>();
    for (Node cmoc : objects(g, study, Vocab.reportsCMOC)) {
      Map<String, Set<String>> facts = new TreeMap<>();
      String id = literal(g, cmoc, Vocab.identifier);
      put(facts, "label", literal(g, cmoc, Vocab.label));
      put(facts, "statement", literal(g, cmoc, Vocab.statement));
      put(facts, "kind", shortName(object(g, cmoc, Vocab.configurationKind)));
      put(facts, "strategy", literal(g, cmoc, Vocab.strategy));
      for (Node t : objects(g, cmoc, Vocab.supportsTheory)) {
        put(facts, "theory link", "supports " + shortName(t));
      }
      for (Node t : objects(g, cmoc, Vocab.refutesTheory)) {
        put(facts, "theory link", "refutes " + shortName(t));
      }
      for (Node t : objects(g, cmoc, Vocab.refinesTheory)) {
        put(facts, "theory link", "refines " + shortName(t));
      }
      for (Node c : objects(g, cmoc, Vocab.hasContext)) {
        String part = "context " + literal(g, c, Vocab.identifier);
        put(facts, part + " | description", literal(g, c, Vocab.label));
        put(facts, part + " | type", shortName(object(g, c, Vocab.contextType)));
        put(facts, part + " | role", shortName(ContextLinks.roleOf(g, cmoc, c)));
      }
      for (Node o : objects(g, cmoc, Vocab.hasOutcome)) {
        String part = "outcome " + literal(g, o, Vocab.identifier);
        put(facts, part + " | description", literal(g, o, Vocab.label));
        put(facts, part + " | direction", shortName(object(g, o, Vocab.direction)));
        put(facts, part + " | level", shortName(object(g, o, Vocab.outcomeLevel)));
        put(facts, part + " | intended", literal(g, o, Vocab.intended));
      }
      Node m = object(g, cmoc, Vocab.hasMechanism);
      if (m != null) {
        put(facts, "mechanism wording", literal(g, m, Vocab.studyWording));
        Node resource = object(g, m, Vocab.hasResource);
        Node response = object(g, m, Vocab.hasResponse);
        put(
            facts,
            "mechanism resource",
            resource == null ? null : literal(g, resource, Vocab.label));
        put(
            facts,
            "mechanism response",
            response == null ? null : literal(g, response, Vocab.label));
      }
      out.put(id, facts);
    }
    return out;
  }

  private static Map<String, Map<String, Set<String>>> evidenceFacts(Graph g, Node study) {
    Map<String, Map<String, Set<String>>> out = new TreeMap<>();
    g.find(Node.ANY, Vocab.fromStudy, study)
        .forEachRemaining(
            t -> {
              Node item = t.getSubject();
              Map<String, Set<String>> facts = new TreeMap<>();
              put(facts, "quote", literal(g, item, Vocab.quote));
              for (Node cmoc : objects(g, item, Vocab.evidenceFor)) {
                put(facts, "cmoc", literal(g, cmoc, Vocab.identifier));
              }
              put(facts, "kind", shortName(object(g, item, Vocab.evidenceKind)));
              for (Node part : objects(g, item, Vocab.concerns)) {
                String id = literal(g, part, Vocab.identifier);
                put(facts, "about", id != null ? id : shortName(part));
              }
              put(facts, "location", literal(g, item, Vocab.location));
              put(facts, "speaker", shortName(object(g, item, Vocab.speaker)));
              put(facts, "perspective", shortName(object(g, item, Vocab.perspective)));
              put(facts, "stance", shortName(object(g, item, Vocab.stance)));
              put(facts, "strength", shortName(object(g, item, Vocab.strength)));
              put(facts, "inference", literal(g, item, Vocab.inference));
              put(facts, "note", literal(g, item, Vocab.note));
              put(facts, "quote verified", literal(g, item, Vocab.quoteVerified));
              out.put(literal(g, item, Vocab.identifier), facts);
            });
    return out;
  }

  private static Map<String, String> concepts(Graph g, Node study) {
    Map<String, String> out = new TreeMap<>();
    for (Node cmoc : objects(g, study, Vocab.reportsCMOC)) {
      Node m = object(g, cmoc, Vocab.hasMechanism);
      Node concept = m == null ? null : object(g, m, Vocab.instanceOfConcept);
      if (concept != null) {
        out.put(literal(g, cmoc, Vocab.identifier), shortName(concept));
      }
    }
    // Format 2: the study's contexts and outcomes link to the context and outcome catalogues.
    for (Node c : objects(g, study, Vocab.reportsContext)) {
      Node concept = object(g, c, Vocab.contextConcept);
      if (concept != null) {
        out.put("context " + literal(g, c, Vocab.identifier), shortName(concept));
      }
    }
    for (Node o : objects(g, study, Vocab.reportsOutcome)) {
      Node concept = object(g, o, Vocab.outcomeConcept);
      if (concept != null) {
        out.put("outcome " + literal(g, o, Vocab.identifier), shortName(concept));
      }
    }
    return out;
  }

  /** The study's own facts by property name, without the file's path and hash. */
  private static Map<String, Set<String>> studyFacts(
      Graph g, Node study, Iris iris, String studyId) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    List<Node> subjects =
        new ArrayList<>(
            List.of(
                study, iris.publication(studyId), iris.extraction(studyId), iris.source(studyId)));
    subjects.addAll(objects(g, study, Vocab.evaluates));
    subjects.addAll(objects(g, study, Vocab.hasSampleGroup));
    for (Node s : subjects) {
      String owner = s.equals(study) ? "study" : shortName(s);
      g.find(s, Node.ANY, Node.ANY)
          .forEachRemaining(
              t -> {
                Node p = t.getPredicate();
                if (p.equals(Vocab.reportsCMOC) || p.equals(Vocab.softwareVersion)) {
                  return;
                }
                String key = owner + " " + localName(p);
                out.computeIfAbsent(key, k -> new TreeSet<>()).add(shortName(t.getObject()));
              });
    }
    return out;
  }

  private static void put(Map<String, Set<String>> facts, String key, String value) {
    if (value != null) {
      facts.computeIfAbsent(key, k -> new TreeSet<>()).add(value);
    }
  }

  private static List<Node> objects(Graph g, Node s, Node p) {
    List<Node> out = new ArrayList<>();
    g.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
    return out;
  }

  private static Node object(Graph g, Node s, Node p) {
    if (s == null) {
      return null;
    }
    List<Node> all = objects(g, s, p);
    return all.isEmpty() ? null : all.get(0);
  }

  private static String literal(Graph g, Node s, Node p) {
    Node o = object(g, s, p);
    return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
  }

  private static String localName(Node p) {
    String uri = p.getURI();
    int cut = Math.max(uri.lastIndexOf('#'), uri.lastIndexOf('/'));
    return uri.substring(cut + 1);
  }

  /** A node as a reader knows it: a literal's text, a controlled value's name, an id's path. */
  static String shortName(Node n) {
    if (n == null) {
      return null;
    }
    if (n.isLiteral()) {
      return n.getLiteralLexicalForm();
    }
    if (!n.isURI()) {
      return n.toString();
    }
    String uri = n.getURI();
    for (String catalogue :
        List.of(Vocab.MECHANISM, Vocab.CONTEXT_CONCEPT, Vocab.OUTCOME_CONCEPT)) {
      if (uri.startsWith(catalogue)) {
        return uri.substring(catalogue.length());
      }
    }
    if (uri.startsWith(Vocab.ID)) {
      String path = uri.substring(Vocab.ID.length());
      return path.startsWith("theory/")
          ? path.substring("theory/".length())
          : path.substring(path.indexOf('/') + 1);
    }
    if (uri.startsWith(Vocab.NS)) {
      String local = uri.substring(Vocab.NS.length());
      for (String scheme :
          List.of(
              "context-type-",
              "context-role-",
              "direction-",
              "level-",
              "speaker-",
              "perspective-",
              "stance-",
              "strength-",
              "concern-",
              "confidence-",
              "cmoc-kind-",
              "evidence-kind-")) {
        if (local.startsWith(scheme)) {
          return local.substring(scheme.length());
        }
      }
      return local;
    }
    return localName(n);
  }
}
