package org.cmograph.rdf;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The triples reviewers expect a query to see without writing the reasoning themselves, computed
 * once at load time for one study graph against the ontology and the mechanism catalogue:
 *
 * <ul>
 *   <li>{@code rdfs:subClassOf}: every typed node also gets the superclasses of its types (a {@code
 *       cmo:Publication} is a {@code bibo:Document}, a {@code cmo:Extraction} a {@code
 *       prov:Activity});
 *   <li>{@code rdfs:subPropertyOf}: every statement is repeated with the superproperties of its
 *       predicate;
 *   <li>{@code skos:broader} roll-up: a finding about a mechanism concept {@link
 *       #COUNTS_FOR_MECHANISM counts for} that concept and for every broader one, so evidence for
 *       "trusting relationship" also counts for "shared lived experience". Items of other kinds
 *       (background, methods, recommendations, hypotheses) never count.
 *   <li>digests ({@link MechanismDigests}): per concept a finding of the study counts for, one
 *       {@code cmo:MechanismDigest} tallying those findings, so aggregate queries add up one node
 *       per study and concept instead of joining every finding;
 *   <li>the study's digest ({@link StudyDigests}): one {@code cmo:StudyDigest} per study, always,
 *       with how many configurations it reports and how many findings come from it.
 * </ul>
 *
 * Only triples not already in the study graph are returned. The store keeps them in the study's own
 * inferred graph ({@link #graphOf}), replaced with the study, so a reload never leaves stale
 * inferences behind.
 *
 * <pre>
 * Entailment entailment = new Entailment(reference.ontology(), reference.catalogue());
 * Graph inferred = entailment.infer(studyGraph);
 * </pre>
 */
public final class Entailment {
  /**
   * Finding → mechanism concept: the concept the finding is about ({@code cmo:aboutMechanism}) and
   * each of its broader concepts. {@code cmo:aboutMechanism} itself stays functional.
   */
  public static final Node COUNTS_FOR_MECHANISM = Vocab.countsForMechanism;

  private static final Node FINDING = Vocab.value("evidence-kind", "finding");
  private static final Node SUB_CLASS_OF = NodeFactory.createURI(Vocab.RDFS + "subClassOf");
  private static final Node SUB_PROPERTY_OF = NodeFactory.createURI(Vocab.RDFS + "subPropertyOf");
  private static final Node BROADER = NodeFactory.createURI(Vocab.SKOS + "broader");

  private final Map<Node, Set<Node>> superClasses;
  private final Map<Node, Set<Node>> superProperties;
  private final Map<Node, Set<Node>> broaderConcepts;

  /** Reads the class and property hierarchies and the concept hierarchy once. */
  public Entailment(Graph ontology, Graph catalogue) {
    this.superClasses = closure(SUB_CLASS_OF, ontology, catalogue);
    this.superProperties = closure(SUB_PROPERTY_OF, ontology, catalogue);
    this.broaderConcepts = closure(BROADER, ontology, catalogue);
  }

  /** The named graph holding a study's inferred triples. */
  public static Node graphOf(String studyId) {
    return NodeFactory.createURI(Vocab.GRAPH + "inferred/" + Iris.slug(studyId));
  }

  /** The study id of an inferred graph's name, or null if the name is not one. */
  public static String studyOfGraph(Node graph) {
    String prefix = Vocab.GRAPH + "inferred/";
    return graph.isURI() && graph.getURI().startsWith(prefix)
        ? graph.getURI().substring(prefix.length())
        : null;
  }

  /**
   * The triples entailed by {@code study} (with the ontology and catalogue) that it does not hold.
   */
  public Graph infer(Graph study) {
    Graph out = GraphFactory.createGraphMem();
    study
        .find()
        .forEachRemaining(
            t -> {
              Node p = t.getPredicate();
              for (Node sup : superProperties.getOrDefault(p, Set.of())) {
                add(study, out, t.getSubject(), sup, t.getObject());
              }
              if (p.equals(Vocab.type)) {
                for (Node sup : superClasses.getOrDefault(t.getObject(), Set.of())) {
                  add(study, out, t.getSubject(), Vocab.type, sup);
                }
              } else if (p.equals(Vocab.aboutMechanism)
                  && study.contains(t.getSubject(), Vocab.evidenceKind, FINDING)) {
                add(study, out, t.getSubject(), COUNTS_FOR_MECHANISM, t.getObject());
                for (Node broader : broaderConcepts.getOrDefault(t.getObject(), Set.of())) {
                  add(study, out, t.getSubject(), COUNTS_FOR_MECHANISM, broader);
                }
              }
            });
    MechanismDigests.add(study, out);
    StudyDigests.add(study, out);
    return out;
  }

  private static void add(Graph study, Graph out, Node s, Node p, Node o) {
    Triple t = Triple.create(s, p, o);
    if (!study.contains(t)) {
      out.add(t);
    }
  }

  /** For each node, every node reachable over {@code relation} (transitively, itself excluded). */
  private static Map<Node, Set<Node>> closure(Node relation, Graph... graphs) {
    Map<Node, Set<Node>> direct = new HashMap<>();
    for (Graph g : graphs) {
      g.find(Node.ANY, relation, Node.ANY)
          .forEachRemaining(
              t -> {
                if (t.getObject().isURI()) {
                  direct
                      .computeIfAbsent(t.getSubject(), k -> new LinkedHashSet<>())
                      .add(t.getObject());
                }
              });
    }
    Map<Node, Set<Node>> all = new HashMap<>();
    for (Node start : direct.keySet()) {
      Set<Node> reached = new LinkedHashSet<>();
      Deque<Node> todo = new ArrayDeque<>(direct.get(start));
      while (!todo.isEmpty()) {
        Node n = todo.pop();
        if (!n.equals(start) && reached.add(n)) {
          todo.addAll(direct.getOrDefault(n, Set.of()));
        }
      }
      all.put(start, Set.copyOf(reached));
    }
    return Map.copyOf(all);
  }
}
