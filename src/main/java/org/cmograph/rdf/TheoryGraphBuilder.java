package org.cmograph.rdf;

import java.util.HashMap;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.cmograph.extraction.ProgrammeTheory;

/**
 * Converts a validated {@link ProgrammeTheory} into the triples of the theory graph ({@code
 * cmog:theory}): the cmo:ProgrammeTheory with its cmo:TheoryVersions, its cmo:TheoryCMOCs with
 * their contexts, mechanisms, outcomes, history (cmo:TheoryChange), rivals and the substantive
 * theories they draw on, and the review team's cmo:ConfidenceAssessments.
 */
public final class TheoryGraphBuilder {
  private final Iris iris;

  public TheoryGraphBuilder(Iris iris) {
    this.iris = iris;
  }

  /**
   * The theory graph, and which file place each subject came from (for positioned SHACL errors).
   */
  public record TheoryGraph(Node graphName, Graph graph, Map<Node, String> pointers) {}

  public TheoryGraph build(ProgrammeTheory t) {
    Graph g = GraphFactory.createGraphMem();
    Map<Node, String> pointers = new HashMap<>();
    Node theory = iris.programmeTheory(t.id());
    pointers.put(theory, "/theory");
    add(g, theory, Vocab.type, Vocab.ProgrammeTheory);
    string(g, theory, Vocab.identifier, t.id());
    string(g, theory, Vocab.label, t.title());
    string(g, theory, Vocab.description, t.description());
    Node previous = null;
    for (int i = 0; i < t.versions().size(); i++) {
      ProgrammeTheory.Version v = t.versions().get(i);
      Node version = iris.theoryVersion(t.id(), v.id());
      pointers.put(version, v.pointer());
      add(g, theory, Vocab.hasVersion, version);
      add(g, version, Vocab.type, Vocab.TheoryVersion);
      string(g, version, Vocab.identifier, v.id());
      add(
          g,
          version,
          Vocab.versionIndex,
          NodeFactory.createLiteralDT(String.valueOf(i + 1), XSDDatatype.XSDinteger));
      if (v.date() != null) {
        add(g, version, Vocab.date, NodeFactory.createLiteralDT(v.date(), XSDDatatype.XSDdate));
      }
      v.authors().forEach(a -> string(g, version, Vocab.creator, a));
      string(g, version, Vocab.description, v.description());
      if (previous != null) {
        add(g, version, Vocab.wasRevisionOf, previous);
      }
      previous = version;
    }
    // The current version (the last) names the theory as a whole, as cmo:theoryVersion always has.
    if (!t.versions().isEmpty()) {
      ProgrammeTheory.Version current = t.versions().get(t.versions().size() - 1);
      string(g, theory, Vocab.theoryVersion, current.id());
      if (current.date() != null) {
        add(
            g,
            theory,
            Vocab.date,
            NodeFactory.createLiteralDT(current.date(), XSDDatatype.XSDdate));
      }
    }

    for (ProgrammeTheory.TheoryCmoc c : t.cmocs()) {
      Node cmoc = iris.theoryCmoc(c.id());
      pointers.put(cmoc, c.pointer());
      add(g, theory, Vocab.hasTheoryCMOC, cmoc);
      add(g, cmoc, Vocab.type, Vocab.TheoryCMOC);
      string(g, cmoc, Vocab.identifier, c.id());
      string(g, cmoc, Vocab.label, c.label());
      string(g, cmoc, Vocab.statement, c.statement());
      string(g, cmoc, Vocab.skosNote, c.note());
      if (c.actor() != null) {
        add(g, cmoc, Vocab.mechanismActorType, Vocab.value("actor-type", c.actor()));
      }
      for (ProgrammeTheory.Context ctx : c.contexts()) {
        Node context = iris.theoryContext(ctx.id());
        pointers.putIfAbsent(context, ctx.pointer());
        add(g, cmoc, Vocab.hasContext, context);
        add(g, context, Vocab.type, Vocab.Context);
        string(g, context, Vocab.identifier, ctx.id());
        string(g, context, Vocab.label, ctx.description());
        if (ctx.type() != null) {
          add(g, context, Vocab.contextType, Vocab.value("context-type", ctx.type()));
        }
        if (ctx.concept() != null) {
          add(g, context, Vocab.contextConcept, Iris.contextConcept(ctx.concept()));
        }
        // The role belongs to this theory CMOC's link to the (theory-wide) context.
        Node link = iris.theoryContextLink(c.id(), ctx.id());
        add(g, cmoc, Vocab.hasContextLink, link);
        add(g, link, Vocab.type, Vocab.ContextLink);
        add(g, link, Vocab.linkedContext, context);
        add(
            g,
            link,
            Vocab.contextRole,
            Vocab.value("context-role", ctx.role() == null ? "enabling" : ctx.role()));
      }
      mechanism(g, pointers, cmoc, c);
      for (ProgrammeTheory.Outcome o : c.outcomes()) {
        Node outcome = iris.theoryOutcome(o.id());
        pointers.putIfAbsent(outcome, o.pointer());
        add(g, cmoc, Vocab.hasOutcome, outcome);
        add(g, outcome, Vocab.type, Vocab.Outcome);
        string(g, outcome, Vocab.identifier, o.id());
        string(g, outcome, Vocab.label, o.description());
        if (o.level() != null) {
          add(g, outcome, Vocab.outcomeLevel, Vocab.value("level", o.level()));
        }
        if (o.concept() != null) {
          add(g, outcome, Vocab.outcomeConcept, Iris.outcomeConcept(o.concept()));
        }
        // A theory states the outcomes its mechanisms are meant to bring about.
        add(
            g,
            outcome,
            Vocab.intended,
            NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean));
      }
      history(g, pointers, t.id(), cmoc, c);
      c.rivalOf().forEach(r -> add(g, cmoc, Vocab.rivalOf, iris.theoryCmoc(r)));
      for (int i = 0; i < c.drawsOn().size(); i++) {
        ProgrammeTheory.TheorySource s = c.drawsOn().get(i);
        Node source = iris.substantiveTheory(c.id(), i + 1);
        pointers.put(source, s.pointer());
        add(g, cmoc, Vocab.drawsOn, source);
        add(g, source, Vocab.type, Vocab.SubstantiveTheory);
        string(g, source, Vocab.label, s.theory());
        string(g, source, Vocab.bibliographicCitation, s.citation());
        string(g, source, Vocab.doi, s.doi());
        if (s.namedIn() != null) {
          add(g, source, Vocab.namedIn, iris.study(s.namedIn()));
        }
      }
      if (c.confidence() != null) {
        assessment(g, pointers, cmoc, c.id(), c.confidence());
      }
    }
    return new TheoryGraph(Iris.THEORY_GRAPH, g, pointers);
  }

  private void mechanism(
      Graph g, Map<Node, String> pointers, Node cmoc, ProgrammeTheory.TheoryCmoc c) {
    ProgrammeTheory.Mechanism m = c.mechanism();
    Node mechanism = iris.theoryMechanism(c.id());
    pointers.put(mechanism, m.pointer());
    add(g, cmoc, Vocab.hasMechanism, mechanism);
    add(g, mechanism, Vocab.type, Vocab.Mechanism);
    add(g, mechanism, Vocab.instanceOfConcept, Iris.concept(m.concept()));
    if (m.resource() != null) {
      Node resource = iris.theoryResource(c.id());
      pointers.put(resource, m.pointer() + "/resource");
      add(g, mechanism, Vocab.hasResource, resource);
      add(g, resource, Vocab.type, Vocab.MechanismResource);
      string(g, resource, Vocab.label, m.resource());
    }
    if (m.reasoning() != null) {
      Node response = iris.theoryResponse(c.id());
      pointers.put(response, m.pointer() + "/reasoning");
      add(g, mechanism, Vocab.hasResponse, response);
      add(g, response, Vocab.type, Vocab.MechanismResponse);
      string(g, response, Vocab.label, m.reasoning());
    }
  }

  /** Each history event as a node: version, kind of change, what it revises, prompts, rationale. */
  private void history(
      Graph g,
      Map<Node, String> pointers,
      String theoryId,
      Node cmoc,
      ProgrammeTheory.TheoryCmoc c) {
    for (int i = 0; i < c.history().size(); i++) {
      ProgrammeTheory.Change e = c.history().get(i);
      Node change = iris.theoryChange(c.id(), i + 1);
      pointers.put(change, e.pointer());
      add(g, cmoc, Vocab.hasChange, change);
      add(g, change, Vocab.type, Vocab.TheoryChange);
      add(g, change, Vocab.inVersion, iris.theoryVersion(theoryId, e.version()));
      add(g, change, Vocab.changeKind, Vocab.value("change", e.change()));
      for (String revised : e.revises()) {
        add(g, change, Vocab.revises, iris.theoryCmoc(revised));
      }
      for (ProgrammeTheory.Prompt p : e.promptedBy()) {
        add(
            g,
            change,
            Vocab.promptedBy,
            p.evidence() != null
                ? iris.evidence(p.study(), p.evidence())
                : iris.cmoc(p.study(), p.cmoc()));
      }
      string(g, change, Vocab.rationale, e.rationale());
    }
  }

  private void assessment(
      Graph g, Map<Node, String> pointers, Node cmoc, String id, ProgrammeTheory.Confidence c) {
    Node a = iris.confidenceAssessment(id);
    pointers.put(a, c.pointer());
    add(g, a, Vocab.type, Vocab.ConfidenceAssessment);
    add(g, a, Vocab.assesses, cmoc);
    component(g, a, Vocab.methodologicalLimitations, Vocab.limitationsExplanation, c.limitations());
    component(g, a, Vocab.coherence, Vocab.coherenceExplanation, c.coherence());
    component(g, a, Vocab.adequacy, Vocab.adequacyExplanation, c.adequacy());
    component(g, a, Vocab.relevance, Vocab.relevanceExplanation, c.relevance());
    if (c.overall() != null) {
      add(g, a, Vocab.overallConfidence, Vocab.value("confidence", c.overall()));
    }
    string(g, a, Vocab.explanation, c.explanation());
  }

  private static void component(
      Graph g, Node a, Node level, Node explanation, ProgrammeTheory.Component c) {
    if (c == null) {
      return;
    }
    if (c.concern() != null) {
      add(g, a, level, Vocab.value("concern", c.concern()));
    }
    string(g, a, explanation, c.explanation());
  }

  private static void add(Graph g, Node s, Node p, Node o) {
    if (o != null) {
      g.add(Triple.create(s, p, o));
    }
  }

  private static void string(Graph g, Node s, Node p, String value) {
    if (value != null) {
      add(g, s, p, NodeFactory.createLiteralString(value));
    }
  }
}
