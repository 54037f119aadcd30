package org.cmograph.rdf;

import java.util.HashMap;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.cmograph.extraction.Extraction;
import org.cmograph.extraction.QuoteAnchor;

/**
 * Converts one validated {@link Extraction} into the triples of its study graph, as docs/model.md
 * specifies. It writes to an in-memory graph; the store decides where that goes.
 */
public final class StudyGraphBuilder {
  private final Iris iris;
  private final String softwareVersion;

  public StudyGraphBuilder(Iris iris, String softwareVersion) {
    this.iris = iris;
    this.softwareVersion = softwareVersion;
  }

  /**
   * Facts about the files behind an extraction that the extraction itself does not hold.
   *
   * @param extractionPath the file's path as recorded in provenance (stable, '/'-separated)
   * @param sourceSha256 SHA-256 of the registered source text, or null if none
   * @param quotesVerified whether the quotes were proved verbatim against that text
   * @param anchors where each evidence item's quote stands in that text, by evidence id
   */
  public record FileFacts(
      String extractionPath,
      String sourceSha256,
      boolean quotesVerified,
      Map<String, QuoteAnchor> anchors) {
    public FileFacts {
      anchors = anchors == null ? Map.of() : Map.copyOf(anchors);
    }

    public FileFacts(String extractionPath, String sourceSha256, boolean quotesVerified) {
      this(extractionPath, sourceSha256, quotesVerified, Map.of());
    }
  }

  /** The study graph, and which file place each subject came from (for positioned SHACL errors). */
  public record StudyGraph(
      String studyId, Node graphName, Graph graph, Map<Node, String> pointers) {}

  public StudyGraph build(Extraction x, FileFacts facts) {
    Graph g = GraphFactory.createGraphMem();
    Map<Node, String> pointers = new HashMap<>();
    Emitter out = new Emitter(g);
    String sid = x.study().id();
    Extraction.Study s = x.study();

    Node study = iris.study(sid);
    pointers.put(study, "/study");
    out.type(study, Vocab.Study);
    out.string(study, Vocab.identifier, sid);
    out.string(study, Vocab.label, s.title());
    out.string(study, Vocab.studyDesign, s.design());
    out.string(study, Vocab.setting, s.setting());
    out.string(study, Vocab.analysisApproach, s.analysis());
    s.countries().forEach(c -> out.string(study, Vocab.country, c));
    out.integer(study, Vocab.sampleTotal, s.sampleTotal());
    out.string(study, Vocab.trialRegistration, s.trialRegistration());
    for (int i = 0; i < s.sample().size(); i++) {
      Extraction.SampleGroup group = s.sample().get(i);
      Node sg = iris.sampleGroup(sid, i + 1);
      pointers.put(sg, "/study/sample/" + i);
      out.add(study, Vocab.hasSampleGroup, sg);
      out.type(sg, Vocab.SampleGroup);
      out.string(sg, Vocab.participantRole, group.role());
      out.integer(sg, Vocab.sampleSize, group.n());
      out.integer(sg, Vocab.position, i + 1);
    }
    if (s.appraisal() != null) {
      out.value(study, Vocab.limitationsConcern, "concern", s.appraisal().limitations());
      out.value(study, Vocab.relevanceConcern, "concern", s.appraisal().relevance());
      out.string(study, Vocab.appraisalNote, s.appraisal().notes());
    }

    Node publication = iris.publication(sid);
    pointers.put(publication, "/study");
    out.add(study, Vocab.reportedIn, publication);
    out.type(publication, Vocab.Publication);
    out.string(publication, Vocab.title, s.title());
    if (!s.authors().isEmpty()) {
      out.string(publication, Vocab.authorList, String.join("; ", s.authors()));
      s.authors().forEach(a -> out.string(publication, Vocab.creator, a));
    }
    if (s.year() != null) {
      out.add(
          publication,
          Vocab.issued,
          NodeFactory.createLiteralDT(fourDigits(s.year()), XSDDatatype.XSDgYear));
    }
    out.string(publication, Vocab.journal, s.journal());
    out.string(publication, Vocab.doi, s.doi());

    if (x.programme() != null && x.programme().id() != null) {
      Node programme = iris.programme(sid, x.programme().id());
      pointers.put(programme, "/programme");
      out.add(study, Vocab.evaluates, programme);
      out.type(programme, Vocab.Programme);
      out.string(programme, Vocab.label, x.programme().name());
      out.string(programme, Vocab.description, x.programme().description());
    }

    Node source = null;
    if (x.source().file() != null) {
      source = iris.source(sid);
      pointers.put(source, "/source");
      out.add(study, Vocab.hasSourceText, source);
      out.type(source, Vocab.SourceText);
      out.string(source, Vocab.atLocation, x.source().file());
      out.string(source, Vocab.sha256, facts.sourceSha256());
    } else {
      out.string(study, Vocab.sourceUnavailableReason, x.source().unavailableReason());
    }

    for (Extraction.Related r : s.related()) {
      Node p = "restates".equals(r.relation()) ? Vocab.restates : Vocab.sameStudyAs;
      out.add(study, p, r.study() == null ? null : iris.study(r.study()));
    }

    for (Extraction.Actor a : x.actors()) {
      Node actor = iris.actor(sid, a.id());
      pointers.put(actor, a.pointer());
      out.add(study, Vocab.hasActor, actor);
      out.type(actor, Vocab.Actor);
      out.string(actor, Vocab.identifier, a.id());
      out.string(actor, Vocab.label, a.description());
      out.value(actor, Vocab.actorType, "actor-type", a.type());
    }
    // Parts an evidence item's 'about' may name, by id: the study's contexts and outcomes.
    Map<String, Node> studyParts = new HashMap<>();
    for (Extraction.Context ctx : x.contexts()) {
      Node context = iris.context(sid, ctx.id());
      pointers.put(context, ctx.pointer());
      studyParts.put(ctx.id(), context);
      out.add(study, Vocab.reportsContext, context);
      out.type(context, Vocab.Context);
      out.string(context, Vocab.identifier, ctx.id());
      out.string(context, Vocab.label, ctx.description());
      out.value(context, Vocab.contextType, "context-type", ctx.type());
      out.add(
          context,
          Vocab.contextConcept,
          ctx.concept() == null ? null : Iris.contextConcept(ctx.concept()));
    }
    for (Extraction.Outcome o : x.outcomes()) {
      Node outcome = iris.outcome(sid, o.id());
      pointers.put(outcome, o.pointer());
      studyParts.put(o.id(), outcome);
      out.add(study, Vocab.reportsOutcome, outcome);
      out.type(outcome, Vocab.Outcome);
      out.string(outcome, Vocab.identifier, o.id());
      out.string(outcome, Vocab.label, o.description());
      out.value(outcome, Vocab.direction, "direction", o.direction());
      out.value(outcome, Vocab.outcomeLevel, "level", o.level());
      out.add(
          outcome,
          Vocab.intended,
          NodeFactory.createLiteralDT(
              String.valueOf(o.intended() == null || o.intended()), XSDDatatype.XSDboolean));
      out.add(outcome, Vocab.outcomeFor, o.actor() == null ? null : iris.actor(sid, o.actor()));
      out.add(
          outcome,
          Vocab.outcomeConcept,
          o.concept() == null ? null : Iris.outcomeConcept(o.concept()));
    }

    Map<String, Extraction.Cmoc> cmocsById = new HashMap<>();
    for (Extraction.Cmoc c : x.cmocs()) {
      cmocsById.put(c.id(), c);
      Node cmoc = iris.cmoc(sid, c.id());
      pointers.put(cmoc, c.pointer());
      out.add(study, Vocab.reportsCMOC, cmoc);
      out.type(cmoc, Vocab.CMOConfiguration);
      out.string(cmoc, Vocab.identifier, c.id());
      out.string(cmoc, Vocab.label, c.label());
      out.string(cmoc, Vocab.statement, c.statement());
      out.value(
          cmoc,
          Vocab.configurationKind,
          "cmoc-kind",
          c.kind() == null ? Extraction.Cmoc.CONFIGURATION : c.kind());
      out.string(cmoc, Vocab.strategy, c.strategy());
      out.add(cmoc, Vocab.mechanismActor, c.actor() == null ? null : iris.actor(sid, c.actor()));
      out.add(cmoc, Vocab.inStudy, study);
      for (Extraction.ContextLink link : c.contexts()) {
        Node context = iris.context(sid, link.context());
        Node qualified = iris.contextLink(sid, c.id(), link.context());
        pointers.put(qualified, link.pointer());
        out.add(cmoc, Vocab.hasContext, context);
        out.add(cmoc, Vocab.hasContextLink, qualified);
        out.type(qualified, Vocab.ContextLink);
        out.add(qualified, Vocab.linkedContext, context);
        out.value(qualified, Vocab.contextRole, "context-role", link.role());
      }
      Extraction.Mechanism m = c.mechanism();
      if (m != null) {
        Node mechanism = iris.mechanism(sid, c.id());
        pointers.put(mechanism, m.pointer());
        out.add(cmoc, Vocab.hasMechanism, mechanism);
        out.type(mechanism, Vocab.Mechanism);
        out.add(mechanism, Vocab.instanceOfConcept, Iris.concept(m.concept()));
        out.string(mechanism, Vocab.studyWording, m.wording());
        if (m.resource() != null) {
          Node resource = iris.resource(sid, c.id());
          pointers.put(resource, m.pointer() + "/resource");
          out.add(mechanism, Vocab.hasResource, resource);
          out.type(resource, Vocab.MechanismResource);
          out.string(resource, Vocab.label, m.resource());
        }
        if (m.reasoning() != null) {
          Node reasoning = iris.response(sid, c.id());
          pointers.put(reasoning, m.pointer() + "/reasoning");
          out.add(mechanism, Vocab.hasResponse, reasoning);
          out.type(reasoning, Vocab.MechanismResponse);
          out.string(reasoning, Vocab.label, m.reasoning());
        }
        for (String part : m.notReported()) {
          out.value(mechanism, Vocab.notReported, "mechanism-part", part);
        }
      }
      for (String o : c.outcomes()) {
        out.add(cmoc, Vocab.hasOutcome, iris.outcome(sid, o));
      }
      for (String next : c.leadsTo()) {
        out.add(cmoc, Vocab.leadsTo, iris.cmoc(sid, next));
      }
      for (Extraction.TheoryLink link : c.theoryLinks()) {
        Node p =
            switch (link.stance()) {
              case "refutes" -> Vocab.refutesTheory;
              case "refines" -> Vocab.refinesTheory;
              default -> Vocab.supportsTheory;
            };
        out.add(cmoc, p, iris.theoryCmoc(link.theoryCmoc()));
        // The qualified link carries the stance and the rationale; the direct triple stays for
        // queries.
        Node qualified = iris.theoryLink(sid, c.id(), link.theoryCmoc());
        pointers.put(qualified, link.pointer());
        out.add(cmoc, Vocab.hasTheoryLink, qualified);
        out.type(qualified, Vocab.TheoryLink);
        out.add(qualified, Vocab.linkedTheoryCMOC, iris.theoryCmoc(link.theoryCmoc()));
        out.value(qualified, Vocab.linkStance, "stance", link.stance());
        out.string(qualified, Vocab.rationale, link.rationale());
      }
    }

    for (Extraction.EvidenceItem e : x.evidence()) {
      Node item = iris.evidence(sid, e.id());
      pointers.put(item, e.pointer());
      out.type(item, Vocab.EvidenceItem);
      out.string(item, Vocab.identifier, e.id());
      out.value(item, Vocab.evidenceKind, "evidence-kind", e.kind());
      out.string(item, Vocab.quote, e.quote());
      QuoteAnchor anchor = facts.anchors().get(e.id());
      String section = anchor == null ? null : anchor.section();
      // Typed values win; the source's map fills what was left out.
      out.string(item, Vocab.location, e.location() != null ? e.location() : section);
      out.string(item, Vocab.section, section);
      out.integer(
          item, Vocab.page, e.page() != null ? e.page() : anchor == null ? null : anchor.page());
      out.value(item, Vocab.speaker, "speaker", e.speaker());
      // No perspective is invented: an item that names none has none ("not stated" in summaries).
      out.value(item, Vocab.perspective, "perspective", e.perspective());
      out.value(item, Vocab.stance, "stance", e.stance());
      out.value(item, Vocab.strength, "strength", e.strength());
      out.string(item, Vocab.inference, e.inference());
      out.string(item, Vocab.note, e.note());
      out.add(item, Vocab.fromStudy, study);
      for (String cmocId : e.cmocs()) {
        out.add(item, Vocab.evidenceFor, iris.cmoc(sid, cmocId));
        Extraction.Cmoc c = cmocsById.get(cmocId);
        if (c != null
            && c.mechanism() != null
            && c.mechanism().concept() != null
            && e.bearsOnMechanism()) {
          out.add(item, Vocab.aboutMechanism, Iris.concept(c.mechanism().concept()));
        }
      }
      for (String about : e.about()) {
        switch (about) {
          case "context-mechanism", "mechanism-outcome", "context-outcome" ->
              out.value(item, Vocab.aboutLink, "causal-link", about);
          case "mechanism", "resource", "reasoning" -> {
            for (String cmocId : e.cmocs()) {
              Extraction.Cmoc c = cmocsById.get(cmocId);
              if (c == null || c.mechanism() == null) {
                continue;
              }
              Extraction.Mechanism m = c.mechanism();
              Node part =
                  about.equals("resource") && m.resource() != null
                      ? iris.resource(sid, cmocId)
                      : about.equals("reasoning") && m.reasoning() != null
                          ? iris.response(sid, cmocId)
                          : iris.mechanism(sid, cmocId);
              out.add(item, Vocab.concerns, part);
            }
          }
          default -> out.add(item, Vocab.concerns, studyParts.get(about));
        }
      }
      out.add(
          item,
          Vocab.quoteVerified,
          NodeFactory.createLiteralDT(
              String.valueOf(facts.quotesVerified()), XSDDatatype.XSDboolean));
      if (source != null) {
        out.add(item, Vocab.wasDerivedFrom, source);
        if (anchor != null) {
          QuoteSelectors.add(g, iris, sid, e.id(), source, anchor);
        }
      }
    }

    Node extraction = iris.extraction(sid);
    Node file = iris.extractionFile(sid);
    pointers.put(extraction, "/extraction");
    pointers.put(file, "/extraction");
    out.add(study, Vocab.wasGeneratedBy, extraction);
    out.type(extraction, Vocab.Extraction);
    out.add(extraction, Vocab.used, file);
    out.type(file, Vocab.ExtractionFile);
    out.string(file, Vocab.atLocation, facts.extractionPath());
    out.string(file, Vocab.sha256, x.sha256());
    if (x.extraction().extractor() != null) {
      Node agent = iris.agent(x.extraction().extractor());
      out.add(extraction, Vocab.wasAssociatedWith, agent);
      out.type(agent, Vocab.Agent);
      out.string(agent, Vocab.label, x.extraction().extractor());
    }
    if (x.extraction().date() != null) {
      out.add(
          extraction,
          Vocab.extractionDate,
          NodeFactory.createLiteralDT(x.extraction().date(), XSDDatatype.XSDdate));
    }
    out.string(extraction, Vocab.softwareVersion, softwareVersion);
    out.string(extraction, Vocab.extractionNote, x.extraction().notes());
    return new StudyGraph(sid, Iris.studyGraph(sid), g, pointers);
  }

  /** A year as xsd:gYear writes it, e.g. 0999; without a Formatter, which is slow per study. */
  private static String fourDigits(int year) {
    String digits = Integer.toString(Math.abs(year));
    return (year < 0 ? "-" : "") + "0000".substring(Math.min(4, digits.length())) + digits;
  }

  /** Adds triples, skipping absent values so optional fields need no if-statements. */
  private static final class Emitter {
    private final Graph g;

    Emitter(Graph g) {
      this.g = g;
    }

    void add(Node s, Node p, Node o) {
      if (o != null) {
        g.add(Triple.create(s, p, o));
      }
    }

    void type(Node s, Node type) {
      add(s, Vocab.type, type);
    }

    void string(Node s, Node p, String value) {
      if (value != null) {
        add(s, p, NodeFactory.createLiteralString(value));
      }
    }

    void integer(Node s, Node p, Integer value) {
      if (value != null) {
        add(s, p, NodeFactory.createLiteralDT(value.toString(), XSDDatatype.XSDinteger));
      }
    }

    void value(Node s, Node p, String scheme, String value) {
      if (value != null) {
        add(s, p, Vocab.value(scheme, value));
      }
    }
  }
}
