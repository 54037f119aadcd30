package org.cmograph.endpoint;

import static org.cmograph.endpoint.LdHtml.a;
import static org.cmograph.endpoint.LdHtml.all;
import static org.cmograph.endpoint.LdHtml.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.cmograph.rdf.Vocab;

/**
 * The page of a study ({@code /id/{study}}): its facts and appraisal, its configurations (context,
 * mechanism resource and reasoning, outcome) and its quotes, each linked to its place in the source
 * text; and the list of all studies ({@code /studies}).
 */
final class StudyPage {
  private StudyPage() {}

  static String body(LdView v, Node study) {
    Node pub = v.object(study, Vocab.reportedIn);
    String title =
        pub != null && !v.text(pub, Vocab.title).isEmpty()
            ? v.text(pub, Vocab.title)
            : v.label(study);
    Map<String, String> f = LdHtml.facts();
    if (pub != null) {
      String authors = v.text(pub, Vocab.authorList);
      String creators = String.join("; ", texts(v, pub, Vocab.creator));
      f.put(
          "Authors",
          esc(
              !authors.isEmpty()
                  ? authors
                  : !creators.isEmpty() ? creators : "not reported in the extraction"));
      f.put("Year", esc(v.text(pub, Vocab.issued)));
      f.put("Journal", esc(v.text(pub, Vocab.journal)));
      String doi = v.text(pub, Vocab.doi);
      f.put(
          "DOI",
          doi.isEmpty() ? "" : "<a href=\"" + esc(Links.doi(doi)) + "\">" + esc(doi) + "</a>");
      f.put("Publication", a(v, pub));
    }
    f.put("Programme", all(v, study, Vocab.evaluates));
    f.put("Design", esc(v.text(study, Vocab.studyDesign)));
    f.put("Setting", esc(v.text(study, Vocab.setting)));
    f.put("Country", esc(String.join(", ", texts(v, study, Vocab.country))));
    f.put("Analysis", esc(v.text(study, Vocab.analysisApproach)));
    f.put("Sample", esc(sample(v, study)));
    f.put("Trial registration", esc(v.text(study, Vocab.trialRegistration)));
    f.put("Actors", all(v, study, Vocab.hasActor));
    f.put("Methodological limitations", all(v, study, Vocab.limitationsConcern));
    f.put("Relevance", all(v, study, Vocab.relevanceConcern));
    f.put("Appraisal", esc(v.text(study, Vocab.appraisalNote)));
    f.put("Source text", sourceLink(v, study));
    StringBuilder b = new StringBuilder();
    b.append(LdHtml.heading("Study", title, study.getURI()));
    b.append(LdHtml.section("About the study", "facts", LdHtml.facts(f)));
    StringBuilder cmocs = new StringBuilder();
    for (Node c : v.byLabel(v.objects(study, Vocab.reportsCMOC))) {
      cmocs.append(ConfigurationPage.card(v, c, 3));
    }
    b.append(LdHtml.section("Configurations", "configurations", cmocs.toString()));
    StringBuilder quotes = new StringBuilder();
    for (Node e : v.byLabel(v.subjects(Vocab.fromStudy, study))) {
      quotes.append(quote(v, e, true));
    }
    b.append(LdHtml.section("Quotes", "quotes", quotes.toString()));
    b.append(LdHtml.allStatements(v, study));
    return b.toString();
  }

  static String title(LdView v, Node study) {
    return "Study " + LdView.localName(study);
  }

  private static List<String> texts(LdView v, Node s, Node p) {
    List<String> out = new ArrayList<>();
    v.objects(s, p).forEach(o -> out.add(v.label(o)));
    return out;
  }

  private static String sample(LdView v, Node study) {
    List<String> groups = new ArrayList<>();
    for (Node g : v.objects(study, Vocab.hasSampleGroup)) {
      String size = v.text(g, Vocab.sampleSize);
      groups.add((size.isEmpty() ? "" : size + " ") + v.text(g, Vocab.participantRole));
    }
    String total = v.text(study, Vocab.sampleTotal);
    String g = String.join("; ", groups);
    return total.isEmpty() ? g : total + (g.isEmpty() ? "" : " (" + g + ")");
  }

  private static String sourceLink(LdView v, Node study) {
    Node src = v.object(study, Vocab.hasSourceText);
    if (src == null) {
      String why = v.text(study, Vocab.sourceUnavailableReason);
      return why.isEmpty() ? "" : "not available: " + esc(why);
    }
    return LdHtml.a(src.getURI(), "read the source text with this study's quotes marked");
  }

  /** One quote: the words, where they are, what they bear on, linked to the source view. */
  static String quote(LdView v, Node e, boolean showConfigurations) {
    StringBuilder b = new StringBuilder("<article class=\"ld-quote\">\n");
    b.append("<blockquote>")
        .append(esc(v.text(e, Vocab.quote)))
        .append("</blockquote>\n<p class=\"ld-meta\">");
    List<String> meta = new ArrayList<>();
    String where = v.text(e, Vocab.location);
    if (!where.isEmpty()) {
      meta.add(esc(where));
    }
    for (Node p : List.of(Vocab.evidenceKind, Vocab.stance, Vocab.perspective, Vocab.speaker)) {
      Node o = v.object(e, p);
      if (o != null) {
        meta.add(a(v, o));
      }
    }
    b.append(String.join(" · ", meta)).append("</p>\n");
    if (showConfigurations) {
      String cs = all(v, e, Vocab.evidenceFor);
      if (!cs.isEmpty()) {
        b.append("<p class=\"ld-meta\">Bears on: ").append(cs).append("</p>\n");
      }
    }
    String note = v.text(e, Vocab.note);
    if (!note.isEmpty()) {
      b.append("<p class=\"ld-note\">").append(esc(note)).append("</p>\n");
    }
    b.append("<p>")
        .append(LdHtml.a(e.getURI(), "Show in the source text"))
        .append(" <span class=\"ld-id\">(")
        .append(esc(LdView.localName(e)))
        .append(")</span></p>\n");
    return b.append("</article>\n").toString();
  }

  /** {@code /studies}: every study with its year and counts. */
  static String list(LdView v) {
    StringBuilder b = new StringBuilder("<h1>Studies</h1>\n");
    List<Node> studies = v.byLabel(v.subjects(Vocab.type, Vocab.Study));
    b.append("<p>")
        .append(studies.size())
        .append(
            " studies in the evidence base. Findings count only items of kind finding; quotes count every evidence item.</p>\n");
    b.append(
        "<div class=\"ld-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Studies (scrolls sideways on small screens)\"><table class=\"ld-table ld-studies\">\n<thead><tr><th scope=\"col\">Study</th><th scope=\"col\">Year</th>"
            + "<th scope=\"col\">Configurations</th><th scope=\"col\">Quotes</th><th scope=\"col\">Findings</th><th scope=\"col\">Country</th></tr></thead>\n<tbody>\n");
    Node finding = Vocab.value("evidence-kind", "finding");
    for (Node s : studies) {
      Node pub = v.object(s, Vocab.reportedIn);
      List<Node> items = v.subjects(Vocab.fromStudy, s);
      long findings =
          items.stream().filter(e -> v.graph.contains(e, Vocab.evidenceKind, finding)).count();
      b.append("<tr><td>")
          .append(a(v, s))
          .append(" <span class=\"ld-id\">")
          .append(esc(LdView.localName(s)))
          .append("</span></td><td>")
          .append(pub == null ? "" : esc(v.text(pub, Vocab.issued)))
          .append("</td><td class=\"num\">")
          .append(v.objects(s, Vocab.reportsCMOC).size())
          .append("</td><td class=\"num\">")
          .append(items.size())
          .append("</td><td class=\"num\">")
          .append(findings)
          .append("</td><td>")
          .append(esc(String.join(", ", texts(v, s, Vocab.country))))
          .append("</td></tr>\n");
    }
    return b.append("</tbody>\n</table></div>\n").toString();
  }
}
