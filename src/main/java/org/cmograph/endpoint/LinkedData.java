package org.cmograph.endpoint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.cmograph.rdf.Iris;
import org.cmograph.rdf.Vocab;

/**
 * Serves every IRI {@code https://w3id.org/cmograph/PATH} at {@code /PATH} ({@code /id/...}, {@code
 * /mechanism/...}, {@code /context/...}, {@code /outcome/...}, {@code /ontology}, {@code
 * /graph/...}), and the list of studies at {@code /studies}. A browser gets an HTML page in the
 * site's frame; a client asking for Turtle, JSON-LD, N-Triples or RDF/XML gets the resource's
 * {@link ResourceDescription description}. For a browser, an evidence item answers 303 to its quote
 * in the source view and a source text to the source view with the study's quotes marked. Unknown
 * IRIs answer 404 with a page; a request accepting none of the formats 406.
 */
final class LinkedData extends HttpServlet {
  private final DatasetGraph dataset;
  private final long timeLimitMillis;
  private final boolean summaries;

  /**
   * @param summaries whether {@code /summaries/} is served (concept pages then link there)
   */
  LinkedData(DatasetGraph dataset, Duration timeLimit, boolean summaries) {
    this.dataset = dataset;
    this.timeLimitMillis = timeLimit.toMillis();
    this.summaries = summaries;
  }

  /** What a request is answered with: status, type, body, and a Location for 303. */
  private record Answer(int status, String type, byte[] body, String location) {
    static Answer html(int status, String html) {
      return new Answer(
          status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), null);
    }
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String path = req.getRequestURI();
    res.setHeader("Vary", "Accept");
    boolean list = path.equals("/studies");
    List<Conneg.Format> offered = list ? List.of(Conneg.Format.HTML) : Conneg.RESOURCE;
    Conneg.Format format =
        Conneg.choose(req.getHeader("Accept"), req.getParameter("format"), offered);
    Answer answer;
    try {
      answer = Txn.calculateRead(dataset, () -> answer(path, format, list));
    } catch (LdView.TooSlow e) {
      answer =
          Answer.html(
              503,
              SitePage.page(
                  "Too slow",
                  SitePage.Section.NONE,
                  "",
                  "<h1>Too slow</h1>\n<p>" + LdHtml.esc(e.getMessage()) + ".</p>"));
    }
    if (answer.location() != null) {
      res.setStatus(303);
      res.setHeader("Location", answer.location());
      return;
    }
    res.setStatus(answer.status());
    res.setContentType(answer.type());
    if (answer.type().startsWith("text/html")) {
      res.setHeader("Content-Security-Policy", LandingPage.CONTENT_SECURITY_POLICY);
    } else {
      res.setHeader(
          "Access-Control-Allow-Origin", "*"); // public, read-only data for any web client
    }
    res.setContentLength(answer.body().length);
    res.getOutputStream().write(answer.body());
  }

  private Answer answer(String path, Conneg.Format format, boolean list) {
    LdView v = new LdView(dataset.getUnionGraph(), timeLimitMillis);
    if (list) {
      return format == null
          ? notAcceptable(List.of(Conneg.Format.HTML))
          : Answer.html(
              200, SitePage.page("Studies", SitePage.Section.STUDIES, head(), StudyPage.list(v)));
    }
    Node iri = LdView.uri(Links.iri(path));
    if (!dataset.containsGraph(iri) && !v.mentioned(iri)) {
      return Answer.html(
          404,
          SitePage.page(
              "Not found",
              SitePage.Section.NONE,
              head(),
              "<h1>Not found</h1>\n<p>Nothing in this evidence base is called <code>"
                  + LdHtml.esc(iri.getURI())
                  + "</code>.</p>\n<p>See the <a href=\"/studies\">studies</a>, the <a href=\"/ontology\">ontology</a> or the <a href=\"/summaries/\">summaries</a>.</p>"));
    }
    if (format == null) {
      return notAcceptable(Conneg.RESOURCE);
    }
    if (format != Conneg.Format.HTML) {
      Graph g = ResourceDescription.describe(dataset, v, iri);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      RDFDataMgr.write(out, g, format.lang);
      return new Answer(200, format.contentType(), out.toByteArray(), null);
    }
    String redirect = sourceView(v, iri, path);
    if (redirect != null) {
      return new Answer(303, null, new byte[0], redirect);
    }
    String title = v.label(iri);
    SitePage.Section section = SitePage.Section.NONE;
    String body;
    if (iri.getURI().equals(Vocab.ONTOLOGY)) {
      body =
          OntologyPage.body(v, new LdView(dataset.getGraph(Iris.ONTOLOGY_GRAPH), timeLimitMillis));
      title = "Ontology";
      section = SitePage.Section.ONTOLOGY;
    } else if (dataset.containsGraph(iri)) {
      body = graphBody(v, iri);
    } else if (v.hasType(iri, Vocab.Study)) {
      body = StudyPage.body(v, iri);
      section = SitePage.Section.STUDIES;
    } else if (v.hasType(iri, Vocab.CMOConfiguration)) {
      body = ConfigurationPage.body(v, iri);
    } else if (v.hasType(iri, Vocab.TheoryCMOC)) {
      body = ConfigurationPage.theoryBody(v, iri);
    } else if (v.hasType(iri, Vocab.ProgrammeTheory)) {
      body = ConfigurationPage.programmeBody(v, iri);
    } else if (ConceptPage.isConcept(v, iri)) {
      body = ConceptPage.body(v, iri, summaries);
    } else {
      body = genericBody(v, iri);
    }
    return Answer.html(200, SitePage.page(title, section, head(), body));
  }

  private static String head() {
    return "<link rel=\"stylesheet\" href=\"/assets/linked-data.css\">\n";
  }

  private static Answer notAcceptable(List<Conneg.Format> offered) {
    StringBuilder b = new StringBuilder("Not acceptable. Available: ");
    b.append(String.join(", ", offered.stream().map(f -> f.mediaType).toList())).append('\n');
    return new Answer(
        406, "text/plain; charset=utf-8", b.toString().getBytes(StandardCharsets.UTF_8), null);
  }

  /** Where an evidence item or a source text is read: the source view (null for other IRIs). */
  private static String sourceView(LdView v, Node iri, String path) {
    String rest = path.startsWith("/id/") ? path.substring(4) : "";
    if (v.hasType(iri, Vocab.EvidenceItem) && rest.contains("/evidence/")) {
      String study = rest.substring(0, rest.indexOf("/evidence/"));
      String stem = stem(v, v.object(iri, Vocab.wasDerivedFrom));
      return stem == null
          ? null
          : "/sources/"
              + LdHtml.enc(stem)
              + "?quote="
              + LdHtml.enc(study + "/" + LdView.localName(iri));
    }
    if (v.hasType(iri, Vocab.SourceText) && rest.endsWith("/source")) {
      String stem = stem(v, iri);
      return stem == null
          ? null
          : "/sources/"
              + LdHtml.enc(stem)
              + "?study="
              + LdHtml.enc(rest.substring(0, rest.length() - 7));
    }
    return null;
  }

  /**
   * The file stem of a source text's prov:atLocation ({@code peer-2024-recipients.txt} -> {@code
   * peer-2024-recipients}).
   */
  private static String stem(LdView v, Node source) {
    String file = source == null ? "" : v.text(source, Vocab.atLocation);
    if (file.isEmpty()) {
      return null;
    }
    file = file.substring(file.lastIndexOf('/') + 1);
    int dot = file.lastIndexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  private String graphBody(LdView v, Node g) {
    LdView graph = new LdView(dataset.getGraph(g), timeLimitMillis);
    java.util.Set<Node> subjects = new java.util.LinkedHashSet<>();
    long n = 0;
    for (org.apache.jena.graph.Triple t : graph.find(Node.ANY, Node.ANY, Node.ANY)) {
      n++;
      if (t.getSubject().isURI()) {
        subjects.add(t.getSubject());
      }
    }
    StringBuilder b =
        new StringBuilder(LdHtml.heading("Named graph", LdView.localName(g), g.getURI()));
    b.append("<p>")
        .append(n)
        .append(" triples about ")
        .append(subjects.size())
        .append(" resources. Download it whole from the <a href=\"/cmo/get?graph=")
        .append(LdHtml.enc(g.getURI()))
        .append("\">graph store</a>.</p>\n");
    String study = Iris.studyOfGraph(g);
    if (study != null) {
      b.append("<p>The graph of the study ")
          .append(LdHtml.a(Vocab.ID + study, study))
          .append(".</p>\n");
    }
    StringBuilder items = new StringBuilder();
    List<Node> sorted = new java.util.ArrayList<>(subjects);
    sorted.sort(java.util.Comparator.comparing(Node::getURI));
    for (Node s : sorted.subList(0, Math.min(sorted.size(), 500))) {
      String label = v.label(s);
      items
          .append("<li><a href=\"")
          .append(LdHtml.esc(Links.link(s.getURI())))
          .append("\"><code>")
          .append(LdHtml.esc(Links.link(s.getURI())))
          .append("</code></a>")
          .append(label.equals(LdView.localName(s)) ? "" : " " + LdHtml.esc(label))
          .append("</li>\n");
    }
    b.append(
        LdHtml.section(
            "Resources" + (subjects.size() > 500 ? " (the first 500)" : ""),
            "resources",
            "<ul class=\"ld-list\">\n" + items + "</ul>\n"));
    return b.toString();
  }

  private static String genericBody(LdView v, Node iri) {
    Node type = v.object(iri, Vocab.type);
    String kind = type == null ? "Resource" : v.label(type);
    StringBuilder b =
        new StringBuilder(
            LdHtml.heading(
                kind.isEmpty()
                    ? "Resource"
                    : Character.toUpperCase(kind.charAt(0)) + kind.substring(1),
                v.label(iri),
                iri.getURI()));
    b.append(LdHtml.statements(v, iri));
    List<org.apache.jena.graph.Triple> in = v.find(Node.ANY, Node.ANY, iri);
    if (!in.isEmpty()) {
      StringBuilder refs = new StringBuilder("<ul class=\"ld-list\">\n");
      in.stream()
          .limit(200)
          .forEach(
              t ->
                  refs.append("<li>")
                      .append(LdHtml.a(v, t.getSubject()))
                      .append(" <span class=\"ld-meta\">")
                      .append(LdHtml.esc(v.label(t.getPredicate())))
                      .append("</span></li>\n"));
      b.append(
          LdHtml.section(
              "Referred to by" + (in.size() > 200 ? " (the first 200)" : ""),
              "referred",
              refs.append("</ul>\n").toString()));
    }
    return b.toString();
  }
}
