package org.cmograph.rdf;

import java.text.Normalizer;
import java.util.Locale;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Mints every instance IRI from slugs, so the same extraction always gives the same triples and a
 * query can name any study, CMOC or evidence item. Slugs are validated before they get here; this
 * class still refuses anything that is not a slug, so a bad id can never break an IRI.
 */
public final class Iris {
  private final String base;

  public Iris() {
    this(Vocab.ID);
  }

  public Iris(String base) {
    this.base = base;
  }

  private static final java.util.regex.Pattern SLUG =
      java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  static String slug(String s) {
    if (s == null || !SLUG.matcher(s).matches()) {
      throw new IllegalArgumentException("not a slug: " + s);
    }
    return s;
  }

  private Node node(String path) {
    return NodeFactory.createURI(base + path);
  }

  public Node study(String study) {
    return node(slug(study));
  }

  public Node publication(String study) {
    return node(slug(study) + "/publication");
  }

  public Node programme(String study, String programme) {
    return node(slug(study) + "/programme/" + slug(programme));
  }

  public Node cmoc(String study, String cmoc) {
    return node(slug(study) + "/cmoc/" + slug(cmoc));
  }

  public Node mechanism(String study, String cmoc) {
    return node(slug(study) + "/cmoc/" + slug(cmoc) + "/mechanism");
  }

  public Node resource(String study, String cmoc) {
    return node(slug(study) + "/cmoc/" + slug(cmoc) + "/mechanism/resource");
  }

  public Node response(String study, String cmoc) {
    return node(slug(study) + "/cmoc/" + slug(cmoc) + "/mechanism/response");
  }

  public Node context(String study, String context) {
    return node(slug(study) + "/context/" + slug(context));
  }

  public Node outcome(String study, String outcome) {
    return node(slug(study) + "/outcome/" + slug(outcome));
  }

  public Node actor(String study, String actor) {
    return node(slug(study) + "/actor/" + slug(actor));
  }

  /** A configuration's qualified link to one of its study's contexts. */
  public Node contextLink(String study, String cmoc, String context) {
    return node(slug(study) + "/cmoc/" + slug(cmoc) + "/context/" + slug(context));
  }

  public Node evidence(String study, String evidence) {
    return node(slug(study) + "/evidence/" + slug(evidence));
  }

  /** An evidence item's Web Annotation target: its quote's place in the study's source text. */
  public Node quoteTarget(String study, String evidence) {
    return node(slug(study) + "/evidence/" + slug(evidence) + "/target");
  }

  public Node quoteSelector(String study, String evidence) {
    return node(slug(study) + "/evidence/" + slug(evidence) + "/quote-selector");
  }

  public Node positionSelector(String study, String evidence) {
    return node(slug(study) + "/evidence/" + slug(evidence) + "/position-selector");
  }

  public Node sampleGroup(String study, int position) {
    return node(slug(study) + "/sample/" + position);
  }

  public Node extraction(String study) {
    return node(slug(study) + "/extraction");
  }

  public Node extractionFile(String study) {
    return node(slug(study) + "/extraction-file");
  }

  public Node source(String study) {
    return node(slug(study) + "/source");
  }

  public Node theoryCmoc(String id) {
    return node("theory/" + slug(id));
  }

  /** The programme theory itself (one per theory file). */
  public Node programmeTheory(String id) {
    return node("programme-theory/" + slug(id));
  }

  /** A study CMOC's qualified link to a theory CMOC (stance and rationale). */
  public Node theoryLink(String study, String cmoc, String theoryCmoc) {
    return node(slug(study) + "/cmoc/" + slug(cmoc) + "/theory-link/" + slug(theoryCmoc));
  }

  /** One version of the programme theory. */
  public Node theoryVersion(String theory, String version) {
    return node("programme-theory/" + slug(theory) + "/version/" + slug(version));
  }

  /** The {@code position}-th (from 1) event of a theory CMOC's history. */
  public Node theoryChange(String cmoc, int position) {
    return node("theory/" + slug(cmoc) + "/history/" + position);
  }

  /** The {@code position}-th (from 1) substantive theory a theory CMOC draws on. */
  public Node substantiveTheory(String cmoc, int position) {
    return node("theory/" + slug(cmoc) + "/draws-on/" + position);
  }

  /** A theory-wide context; configurations that name the same id share it. */
  public Node theoryContext(String id) {
    return node("theory-context/" + slug(id));
  }

  /** A theory-wide outcome; configurations that name the same id share it. */
  public Node theoryOutcome(String id) {
    return node("theory-outcome/" + slug(id));
  }

  /** A theory CMOC's link to a theory-wide context, carrying the role it plays there. */
  public Node theoryContextLink(String cmoc, String context) {
    return node("theory/" + slug(cmoc) + "/context/" + slug(context));
  }

  public Node theoryMechanism(String cmoc) {
    return node("theory/" + slug(cmoc) + "/mechanism");
  }

  public Node theoryResource(String cmoc) {
    return node("theory/" + slug(cmoc) + "/mechanism/resource");
  }

  public Node theoryResponse(String cmoc) {
    return node("theory/" + slug(cmoc) + "/mechanism/response");
  }

  /** The review authors' GRADE-CERQual assessment of one theory CMOC. */
  public Node confidenceAssessment(String cmoc) {
    return node("theory/" + slug(cmoc) + "/confidence");
  }

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");
  private static final java.util.regex.Pattern NOT_SLUG =
      java.util.regex.Pattern.compile("[^a-z0-9]+");
  private static final java.util.regex.Pattern EDGE_HYPHENS =
      java.util.regex.Pattern.compile("(^-+|-+$)");

  /** An agent from a free-text name: lower-cased, accents stripped, other runs become '-'. */
  public Node agent(String name) {
    String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
    plain = NOT_SLUG.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("-");
    plain = EDGE_HYPHENS.matcher(plain).replaceAll("");
    return node("agent/" + (plain.isEmpty() ? "unnamed" : plain));
  }

  public static Node concept(String id) {
    return NodeFactory.createURI(Vocab.MECHANISM + slug(id));
  }

  public static Node contextConcept(String id) {
    return NodeFactory.createURI(Vocab.CONTEXT_CONCEPT + slug(id));
  }

  public static Node outcomeConcept(String id) {
    return NodeFactory.createURI(Vocab.OUTCOME_CONCEPT + slug(id));
  }

  public static Node studyGraph(String study) {
    return NodeFactory.createURI(Vocab.GRAPH + "study/" + slug(study));
  }

  public static final Node ONTOLOGY_GRAPH = NodeFactory.createURI(Vocab.GRAPH + "ontology");
  public static final Node CATALOGUE_GRAPH = NodeFactory.createURI(Vocab.GRAPH + "catalogue");

  /** The programme theory's graph, loaded with the studies. */
  public static final Node THEORY_GRAPH = NodeFactory.createURI(Vocab.GRAPH + "theory");

  /** The study id of a study graph name, or null if the name is not a study graph. */
  public static String studyOfGraph(Node graph) {
    String prefix = Vocab.GRAPH + "study/";
    return graph.isURI() && graph.getURI().startsWith(prefix)
        ? graph.getURI().substring(prefix.length())
        : null;
  }
}
