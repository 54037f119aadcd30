package org.cmograph.endpoint;

import static org.cmograph.endpoint.LdHtml.a;
import static org.cmograph.endpoint.LdHtml.all;
import static org.cmograph.endpoint.LdHtml.esc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.cmograph.rdf.Vocab;

/**
 * The page of a configuration: a study's CMOC ({@code /id/{study}/cmoc/{c}}) or a theory CMOC
 * ({@code /id/theory/{t}}): its parts (contexts with their roles, the mechanism's concept, resource
 * and reasoning, the outcomes), its links to the theory, and the evidence grouped by stance.
 */
final class ConfigurationPage {
  private ConfigurationPage() {}

  /** The parts of a configuration of either kind, as a definition list. */
  static String parts(LdView v, Node c) {
    Map<String, String> f = LdHtml.facts();
    f.put("Statement", esc(v.text(c, Vocab.statement)));
    List<String> contexts = new ArrayList<>();
    List<Node> linked = new ArrayList<>();
    for (Node link : v.objects(c, Vocab.hasContextLink)) {
      Node ctx = v.object(link, Vocab.linkedContext);
      if (ctx != null) {
        linked.add(ctx);
        contexts.add(
            part(v, ctx, Vocab.contextConcept)
                + " <span class=\"ld-role\">("
                + esc(v.text(link, Vocab.contextRole))
                + ")</span>");
      }
    }
    for (Node ctx : v.objects(c, Vocab.hasContext)) {
      if (!linked.contains(ctx)) {
        contexts.add(part(v, ctx, Vocab.contextConcept));
      }
    }
    f.put("Context", list(contexts));
    Node m = v.object(c, Vocab.hasMechanism);
    if (m != null) {
      f.put(
          "Mechanism",
          all(v, m, Vocab.instanceOfConcept)
              + (v.text(m, Vocab.studyWording).isEmpty()
                  ? ""
                  : " <span class=\"ld-note\">(study's words: “"
                      + esc(v.text(m, Vocab.studyWording))
                      + "”)</span>"));
      f.put("Resource", esc(v.text(m, Vocab.hasResource)));
      f.put("Reasoning", esc(v.text(m, Vocab.hasResponse)));
      f.put("Not reported", all(v, m, Vocab.notReported));
    }
    f.put("Whose mechanism", all(v, c, Vocab.mechanismActor) + all(v, c, Vocab.mechanismActorType));
    List<String> outcomes = new ArrayList<>();
    for (Node o : v.byLabel(v.objects(c, Vocab.hasOutcome))) {
      outcomes.add(part(v, o, Vocab.outcomeConcept));
    }
    f.put("Outcome", list(outcomes));
    f.put("Kind", all(v, c, Vocab.configurationKind));
    return LdHtml.facts(f);
  }

  /** A study's or theory's context or outcome: its wording, linked, and its concept. */
  private static String part(LdView v, Node n, Node conceptProperty) {
    String concept = all(v, n, conceptProperty);
    return a(v, n)
        + (concept.isEmpty() ? "" : " <span class=\"ld-concept\">→ " + concept + "</span>");
  }

  static String list(List<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    return items.size() == 1
        ? items.get(0)
        : "<ul><li>" + String.join("</li><li>", items) + "</li></ul>";
  }

  /** A study configuration as a card on its study's page. */
  static String card(LdView v, Node c, int level) {
    return "<article class=\"ld-card\">\n<h"
        + level
        + ">"
        + a(v, c)
        + "</h"
        + level
        + ">\n"
        + parts(v, c)
        + "<p class=\"ld-meta\">"
        + v.subjects(Vocab.evidenceFor, c).size()
        + " evidence items</p>\n</article>\n";
  }

  /** A study's configuration page. */
  static String body(LdView v, Node c) {
    StringBuilder b =
        new StringBuilder(
            LdHtml.heading("Configuration (CMOC) of a study", v.label(c), c.getURI()));
    b.append("<p>In ").append(all(v, c, Vocab.inStudy)).append("</p>\n");
    b.append(LdHtml.section("Parts", "parts", parts(v, c)));
    StringBuilder links = new StringBuilder();
    for (Node link : v.objects(c, Vocab.hasTheoryLink)) {
      links
          .append("<li>")
          .append(all(v, link, Vocab.linkStance))
          .append(": ")
          .append(all(v, link, Vocab.linkedTheoryCMOC))
          .append(" <span class=\"ld-note\">")
          .append(esc(v.text(link, Vocab.rationale)))
          .append("</span></li>\n");
    }
    b.append(
        LdHtml.section(
            "Programme theory", "theory", links.length() == 0 ? "" : "<ul>\n" + links + "</ul>\n"));
    Map<String, StringBuilder> byStance = new LinkedHashMap<>();
    for (Node e : v.byLabel(v.subjects(Vocab.evidenceFor, c))) {
      Node stance = v.object(e, Vocab.stance);
      String key =
          stance == null ? "No stance (" + v.text(e, Vocab.evidenceKind) + ")" : v.label(stance);
      byStance.computeIfAbsent(key, k -> new StringBuilder()).append(StudyPage.quote(v, e, false));
    }
    StringBuilder ev = new StringBuilder();
    byStance.forEach(
        (stance, quotes) -> ev.append("<h3>").append(esc(stance)).append("</h3>\n").append(quotes));
    b.append(LdHtml.section("Evidence by stance", "evidence", ev.toString()));
    b.append(LdHtml.allStatements(v, c));
    return b.toString();
  }

  /** A theory CMOC's page: parts, history, confidence, and the study configurations by stance. */
  static String theoryBody(LdView v, Node t) {
    StringBuilder b =
        new StringBuilder(
            LdHtml.heading("Configuration (CMOC) of the programme theory", v.label(t), t.getURI()));
    List<Node> theories = v.subjects(Vocab.hasTheoryCMOC, t);
    if (!theories.isEmpty()) {
      b.append("<p>Part of ")
          .append(ConfigurationPage.list(theories.stream().map(n -> a(v, n)).toList()))
          .append("</p>\n");
    }
    b.append(LdHtml.section("Parts", "parts", parts(v, t)));
    String note = v.text(t, Vocab.skosNote);
    if (!note.isEmpty()) {
      b.append("<p class=\"ld-note\">").append(esc(note)).append("</p>\n");
    }
    Map<String, List<String>> byStance = new LinkedHashMap<>();
    for (Node link : v.subjects(Vocab.linkedTheoryCMOC, t)) {
      for (Node c : v.subjects(Vocab.hasTheoryLink, link)) {
        String stance = v.text(link, Vocab.linkStance);
        byStance
            .computeIfAbsent(stance, k -> new ArrayList<>())
            .add(
                a(v, c)
                    + " in "
                    + all(v, c, Vocab.inStudy)
                    + " <span class=\"ld-meta\">("
                    + v.subjects(Vocab.evidenceFor, c).size()
                    + " evidence items)</span>");
      }
    }
    StringBuilder ev = new StringBuilder();
    byStance.forEach(
        (stance, cs) ->
            ev.append("<h3>")
                .append(esc(stance))
                .append(" (")
                .append(cs.size())
                .append(")</h3>\n<ul><li>")
                .append(String.join("</li>\n<li>", cs.stream().sorted().toList()))
                .append("</li></ul>\n"));
    b.append(LdHtml.section("Study configurations by stance", "evidence", ev.toString()));
    StringBuilder conf = new StringBuilder();
    for (Node ca : v.subjects(Vocab.assesses, t)) {
      conf.append(LdHtml.facts(confidence(v, ca)));
    }
    b.append(LdHtml.section("Confidence (GRADE-CERQual)", "confidence", conf.toString()));
    StringBuilder hist = new StringBuilder();
    for (Node ch : v.byLabel(v.objects(t, Vocab.hasChange))) {
      hist.append("<li>")
          .append(all(v, ch, Vocab.changeKind))
          .append(" in version ")
          .append(all(v, ch, Vocab.inVersion))
          .append(": ")
          .append(esc(v.text(ch, Vocab.rationale)));
      String prompted = all(v, ch, Vocab.promptedBy);
      hist.append(prompted.isEmpty() ? "" : " Prompted by " + prompted).append("</li>\n");
    }
    b.append(
        LdHtml.section(
            "History", "history", hist.length() == 0 ? "" : "<ul>\n" + hist + "</ul>\n"));
    b.append(LdHtml.section("Draws on", "draws-on", all(v, t, Vocab.drawsOn)));
    b.append(LdHtml.allStatements(v, t));
    return b.toString();
  }

  private static Map<String, String> confidence(LdView v, Node ca) {
    Map<String, String> f = LdHtml.facts();
    f.put(
        "Overall confidence",
        all(v, ca, Vocab.overallConfidence) + " " + esc(v.text(ca, Vocab.explanation)));
    f.put(
        "Methodological limitations",
        all(v, ca, Vocab.methodologicalLimitations)
            + " "
            + esc(v.text(ca, Vocab.limitationsExplanation)));
    f.put(
        "Coherence",
        all(v, ca, Vocab.coherence) + " " + esc(v.text(ca, Vocab.coherenceExplanation)));
    f.put(
        "Adequacy", all(v, ca, Vocab.adequacy) + " " + esc(v.text(ca, Vocab.adequacyExplanation)));
    f.put(
        "Relevance",
        all(v, ca, Vocab.relevance) + " " + esc(v.text(ca, Vocab.relevanceExplanation)));
    return f;
  }

  /** The programme theory: its description, versions and configurations. */
  static String programmeBody(LdView v, Node p) {
    StringBuilder b = new StringBuilder(LdHtml.heading("Programme theory", v.label(p), p.getURI()));
    b.append("<p>").append(esc(v.text(p, Vocab.description))).append("</p>\n");
    Map<String, String> f = LdHtml.facts();
    f.put("Current version", esc(v.text(p, Vocab.theoryVersion)));
    f.put("Versions", all(v, p, Vocab.hasVersion));
    f.put("Date", esc(v.text(p, Vocab.date)));
    b.append(LdHtml.facts(f));
    StringBuilder cs = new StringBuilder();
    for (Node t : v.byLabel(v.objects(p, Vocab.hasTheoryCMOC))) {
      cs.append("<article class=\"ld-card\">\n<h3>")
          .append(a(v, t))
          .append("</h3>\n")
          .append(parts(v, t))
          .append("</article>\n");
    }
    b.append(LdHtml.section("Configurations", "configurations", cs.toString()));
    b.append(LdHtml.allStatements(v, p));
    return b.toString();
  }
}
