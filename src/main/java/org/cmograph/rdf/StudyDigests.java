package org.cmograph.rdf;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * One study's digest: a {@code cmo:StudyDigest} node for each node the study graph types {@code
 * cmo:Study} (one in a study graph), always written, zeros included, with how many CMO
 * configurations the study reports ({@code cmo:reportsCMOC}) and how many findings come from it
 * ({@code cmo:fromStudy}, evidence kind finding). These are the two counts of the {@code studies}
 * catalogue query, which matches the digest instead of grouping every configuration and finding of
 * the store. Counted by those links, not by the graph a triple sits in, and only from the study's
 * own graph, so a study's load never depends on another study.
 *
 * <p>The digest's IRI is its study's IRI with {@code /digest} (the mechanism digests' IRIs go on
 * from it, {@link MechanismDigests}): the same files give the same triples.
 */
final class StudyDigests {
  private static final Node FINDING = Vocab.value("evidence-kind", "finding");

  private StudyDigests() {}

  /** Adds the digest of each study {@code study} types {@code cmo:Study} to {@code out}. */
  static void add(Graph study, Graph out) {
    study
        .find(Node.ANY, Vocab.type, Vocab.Study)
        .toList()
        .forEach(t -> write(t.getSubject(), study, out));
  }

  private static void write(Node studyNode, Graph study, Graph out) {
    long configurations = study.find(studyNode, Vocab.reportsCMOC, Node.ANY).toList().size();
    long findings =
        study
            .find(Node.ANY, Vocab.fromStudy, studyNode)
            .filterKeep(t -> study.contains(t.getSubject(), Vocab.evidenceKind, FINDING))
            .toList()
            .size();
    Node digest = digestOf(studyNode);
    out.add(Triple.create(digest, Vocab.type, Vocab.StudyDigest));
    out.add(Triple.create(digest, Vocab.studyDigestOf, studyNode));
    out.add(
        Triple.create(digest, Vocab.configurationCount, MechanismDigests.count(configurations)));
    out.add(Triple.create(digest, Vocab.studyFindingCount, MechanismDigests.count(findings)));
  }

  /** The IRI of a study's digest: {@code .../id/gillard-2014/digest}. */
  static Node digestOf(Node studyNode) {
    // A study is always an IRI when loaded (docs/model.md, "Identifiers"); a blank one still gets
    // its digest, so no study is left out of the studies query.
    return studyNode.isURI()
        ? NodeFactory.createURI(studyNode.getURI() + "/digest")
        : NodeFactory.createBlankNode();
  }
}
