package org.cmograph.endpoint;

import static org.cmograph.endpoint.LdHtml.a;
import static org.cmograph.endpoint.LdHtml.all;
import static org.cmograph.endpoint.LdHtml.esc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.cmograph.rdf.Vocab;

/**
 * The page of a catalogue concept (a mechanism, context or outcome concept): its label, definition,
 * broader and narrower concepts, the configurations that use it and the evidence that counts for
 * it. Mechanisms count as everywhere else in the graph: findings that {@code
 * cmo:countsForMechanism} the concept (those about it and about its narrower concepts). Context and
 * outcome concepts count as the demi-regularities query does: findings for the configurations whose
 * contexts or outcomes are instances of the concept itself.
 */
final class ConceptPage {
  static final Node BROADER = LdView.uri(Vocab.SKOS + "broader");
  static final Node DEFINITION = LdView.uri(Vocab.SKOS + "definition");
  static final Node ALT_LABEL = LdView.uri(Vocab.SKOS + "altLabel");
  static final Node SCOPE_NOTE = LdView.uri(Vocab.SKOS + "scopeNote");
  private static final Node FINDING = Vocab.value("evidence-kind", "finding");

  /** Most quotes a concept page shows (a broad mechanism may have thousands). */
  static final int QUOTES_SHOWN = 100;

  private ConceptPage() {}

  static boolean isConcept(LdView v, Node n) {
    return v.hasType(n, Vocab.MechanismConcept)
        || v.hasType(n, Vocab.ContextConcept)
        || v.hasType(n, Vocab.OutcomeConcept);
  }

  /**
   * @param summaries whether the server serves the evidence summaries under /summaries/
   */
  static String body(LdView v, Node c, boolean summaries) {
    boolean mechanism = v.hasType(c, Vocab.MechanismConcept);
    boolean context = v.hasType(c, Vocab.ContextConcept);
    String kind = mechanism ? "Mechanism concept" : context ? "Context concept" : "Outcome concept";
    StringBuilder b = new StringBuilder(LdHtml.heading(kind, v.label(c), c.getURI()));
    Map<String, String> f = LdHtml.facts();
    f.put("Definition", esc(v.text(c, DEFINITION)));
    f.put(
        "Also called",
        esc(String.join("; ", v.objects(c, ALT_LABEL).stream().map(v::label).sorted().toList())));
    f.put("Broader", all(v, c, BROADER));
    f.put(
        "Narrower",
        String.join(", ", v.byLabel(v.subjects(BROADER, c)).stream().map(n -> a(v, n)).toList()));
    f.put("Scope note", esc(v.text(c, SCOPE_NOTE)));
    f.put("In scheme", all(v, c, Vocab.skosInScheme));
    b.append(LdHtml.facts(f));

    // The configurations whose part is an instance of this concept.
    Set<Node> configurations = new LinkedHashSet<>();
    if (mechanism) {
      for (Node m : v.subjects(Vocab.instanceOfConcept, c)) {
        configurations.addAll(v.subjects(Vocab.hasMechanism, m));
      }
    } else {
      Node conceptProperty = context ? Vocab.contextConcept : Vocab.outcomeConcept;
      for (Node part : v.subjects(conceptProperty, c)) {
        if (context) {
          configurations.addAll(v.subjects(Vocab.hasContext, part));
          for (Node link : v.subjects(Vocab.linkedContext, part)) {
            configurations.addAll(v.subjects(Vocab.hasContextLink, link));
          }
        } else {
          configurations.addAll(v.subjects(Vocab.hasOutcome, part));
        }
      }
    }
    List<Node> findings = new ArrayList<>();
    if (mechanism) {
      findings.addAll(v.subjects(Vocab.countsForMechanism, c));
    } else {
      Set<Node> seen = new LinkedHashSet<>();
      for (Node cmoc : configurations) {
        for (Node e : v.subjects(Vocab.evidenceFor, cmoc)) {
          if (v.graph.contains(e, Vocab.evidenceKind, FINDING) && seen.add(e)) {
            findings.add(e);
          }
        }
      }
    }
    b.append(
        LdHtml.section("Evidence", "evidence", evidence(v, c, findings, mechanism, summaries)));
    List<String> study = new ArrayList<>();
    List<String> theory = new ArrayList<>();
    for (Node cmoc : v.byLabel(new ArrayList<>(configurations))) {
      Node in = v.object(cmoc, Vocab.inStudy);
      if (in == null) {
        theory.add(a(v, cmoc));
      } else {
        study.add(a(v, cmoc) + " in " + a(v, in));
      }
    }
    b.append(
        LdHtml.section(
            "Study configurations (" + study.size() + ")", "study-configurations", ul(study)));
    b.append(
        LdHtml.section(
            "Programme theory configurations (" + theory.size() + ")",
            "theory-configurations",
            ul(theory)));
    b.append(LdHtml.allStatements(v, c));
    return b.toString();
  }

  private static String ul(List<String> items) {
    return items.isEmpty()
        ? ""
        : "<ul>\n<li>" + String.join("</li>\n<li>", items) + "</li>\n</ul>\n";
  }

  private static String evidence(
      LdView v, Node c, List<Node> findings, boolean mechanism, boolean summaries) {
    Map<String, Integer> byStance = new TreeMap<>();
    Set<Node> studies = new LinkedHashSet<>();
    for (Node e : findings) {
      Node stance = v.object(e, Vocab.stance);
      byStance.merge(stance == null ? "no stance" : v.label(stance), 1, Integer::sum);
      Node s = v.object(e, Vocab.fromStudy);
      if (s != null) {
        studies.add(s);
      }
    }
    StringBuilder b = new StringBuilder("<p>");
    b.append(findings.size())
        .append(findings.size() == 1 ? " finding" : " findings")
        .append(" from ")
        .append(studies.size())
        .append(studies.size() == 1 ? " study" : " studies")
        .append(
            mechanism
                ? " count for this mechanism (findings about it or about a narrower mechanism; background, methods, recommendations and hypotheses never count)."
                : " bear on configurations with this concept (findings only).");
    b.append("</p>\n");
    if (!byStance.isEmpty()) {
      List<String> parts = new ArrayList<>();
      byStance.forEach((k, n) -> parts.add(esc(k) + ": " + n));
      b.append("<p>By stance: ").append(String.join(" · ", parts)).append("</p>\n");
    }
    if (!studies.isEmpty()) {
      b.append("<p>Studies: ")
          .append(
              String.join(
                  ", ",
                  v.byLabel(new ArrayList<>(studies)).stream()
                      .map(s -> a(s.getURI(), LdView.localName(s)))
                      .toList()))
          .append("</p>\n");
    }
    if (mechanism && summaries && !findings.isEmpty()) {
      String id = v.text(c, Vocab.skosNotation);
      b.append("<p><a href=\"/summaries/mechanism-")
          .append(esc(id.isEmpty() ? LdView.localName(c) : id))
          .append(".html\">Evidence summary for this mechanism</a></p>\n");
    }
    if (!findings.isEmpty()) {
      StringBuilder quotes = new StringBuilder();
      List<Node> shown = v.byLabel(findings);
      for (Node e : shown.subList(0, Math.min(shown.size(), QUOTES_SHOWN))) {
        quotes.append(StudyPage.quote(v, e, true));
      }
      if (shown.size() > QUOTES_SHOWN) {
        quotes
            .append("<p>The first ")
            .append(QUOTES_SHOWN)
            .append(" of ")
            .append(shown.size())
            .append("; the query page's evidence-for-mechanism query lists them all.</p>\n");
      }
      b.append("<details class=\"ld-all\"><summary>The findings' quotes</summary>\n")
          .append(quotes)
          .append("</details>\n");
    }
    return b.toString();
  }
}
