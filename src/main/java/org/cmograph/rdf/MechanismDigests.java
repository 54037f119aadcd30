package org.cmograph.rdf;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * One study's digests: for each mechanism concept that some finding of the study counts for ({@link
 * Entailment#COUNTS_FOR_MECHANISM}), a {@code cmo:MechanismDigest} node tallying those findings:
 * how many, how many support, refine and refute, how many concern an outcome, and the perspectives
 * they are heard from. A digest holds only what the study graph says, so a study's load never
 * depends on another study; the aggregate queries (confidence-profiles, evidence-gaps) add digests
 * up instead of joining every finding.
 *
 * <p>A digest's IRI is its study's IRI with {@code /digest/} and the concept's id, e.g. {@code
 * .../id/gillard-2014/digest/trusting-relationship}: the same files give the same triples.
 */
final class MechanismDigests {
  private static final Node SUPPORTS = Vocab.value("stance", "supports");
  private static final Node REFINES = Vocab.value("stance", "refines");
  private static final Node REFUTES = Vocab.value("stance", "refutes");

  private MechanismDigests() {}

  /** The tally of one (study, concept). */
  private static final class Tally {
    long findings;
    long supporting;
    long refining;
    long refuting;
    long aboutOutcomes;
    final Set<Node> perspectives = new LinkedHashSet<>();
  }

  /**
   * Adds the digests of {@code study} to {@code out}, which already holds the study's {@link
   * Entailment#COUNTS_FOR_MECHANISM} roll-up: the digests tally exactly the findings the one
   * counting rule gives each concept, and do not apply that rule a second time.
   */
  static void add(Graph study, Graph out) {
    Map<Node, Map<Node, Tally>> byStudy = new LinkedHashMap<>();
    Map<Node, Set<Node>> conceptsOf = new LinkedHashMap<>();
    for (Graph g : List.of(study, out)) {
      g.find(Node.ANY, Entailment.COUNTS_FOR_MECHANISM, Node.ANY)
          .forEachRemaining(
              t ->
                  conceptsOf
                      .computeIfAbsent(t.getSubject(), k -> new LinkedHashSet<>())
                      .add(t.getObject()));
    }
    for (Map.Entry<Node, Set<Node>> counted : conceptsOf.entrySet()) {
      Node item = counted.getKey();
      Set<Node> concepts = counted.getValue();
      Node studyNode = one(study, item, Vocab.fromStudy);
      if (studyNode == null) {
        continue;
      }
      Node stance = one(study, item, Vocab.stance);
      Node perspective = one(study, item, Vocab.perspective);
      boolean aboutOutcome =
          study
              .find(item, Vocab.concerns, Node.ANY)
              .filterKeep(t -> study.contains(t.getObject(), Vocab.type, Vocab.Outcome))
              .hasNext();
      Map<Node, Tally> tallies = byStudy.computeIfAbsent(studyNode, k -> new LinkedHashMap<>());
      for (Node concept : concepts) {
        Tally tally = tallies.computeIfAbsent(concept, k -> new Tally());
        tally.findings++;
        if (SUPPORTS.equals(stance)) {
          tally.supporting++;
        } else if (REFINES.equals(stance)) {
          tally.refining++;
        } else if (REFUTES.equals(stance)) {
          tally.refuting++;
        }
        if (aboutOutcome) {
          tally.aboutOutcomes++;
        }
        if (perspective != null) {
          tally.perspectives.add(perspective);
        }
      }
    }
    byStudy.forEach(
        (studyNode, tallies) ->
            tallies.forEach((concept, tally) -> write(studyNode, concept, tally, out)));
  }

  private static void write(Node studyNode, Node concept, Tally tally, Graph out) {
    String id = concept.getURI().substring(concept.getURI().lastIndexOf('/') + 1);
    Node digest = NodeFactory.createURI(studyNode.getURI() + "/digest/" + id);
    out.add(Triple.create(digest, Vocab.type, Vocab.MechanismDigest));
    out.add(Triple.create(digest, Vocab.digestStudy, studyNode));
    out.add(Triple.create(digest, Vocab.digestMechanism, concept));
    out.add(Triple.create(digest, Vocab.findingCount, count(tally.findings)));
    out.add(Triple.create(digest, Vocab.supportingCount, count(tally.supporting)));
    out.add(Triple.create(digest, Vocab.refiningCount, count(tally.refining)));
    out.add(Triple.create(digest, Vocab.refutingCount, count(tally.refuting)));
    out.add(Triple.create(digest, Vocab.outcomeFindingCount, count(tally.aboutOutcomes)));
    // Sorted, so the same files give the same triples in the same order.
    Set<String> perspectives = new TreeSet<>();
    tally.perspectives.forEach(p -> perspectives.add(p.getURI()));
    for (String p : perspectives) {
      out.add(Triple.create(digest, Vocab.digestPerspective, NodeFactory.createURI(p)));
    }
  }

  /** A count as an {@code xsd:integer} literal (the study digests' counts too). */
  static Node count(long n) {
    return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
  }

  private static Node one(Graph g, Node s, Node p) {
    var it = g.find(s, p, Node.ANY);
    return it.hasNext() ? it.next().getObject() : null;
  }
}
