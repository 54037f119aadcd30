package org.cmograph.endpoint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.cmograph.extraction.sources.SourceMap;
import org.cmograph.util.Hashes;
import org.cmograph.util.StrictUtf8;

/**
 * The registered source texts as readable pages: {@code /sources/} lists them, {@code /sources/ID}
 * shows {@code ID.txt} of the sources folder with its pages and sections marked, {@code
 * ?quote=STUDY/EVIDENCE} highlights one quote (and scrolls to it), {@code ?study=STUDY} all quotes
 * of a study. Quotes are placed by their Web Annotation position selectors in the store; a text
 * whose SHA-256 is not the one its study recorded is shown without highlights, as the positions may
 * no longer hold.
 */
final class SourcePages extends HttpServlet {
  /** A source id or a study/evidence id: a plain name, never a path. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

  private final Path folder;
  private final SourceQuotes store;

  /**
   * @param folder the sources folder (data/sources), or null if the server has none
   */
  SourcePages(Path folder, SourceQuotes store) {
    this.folder = folder == null ? null : folder.toAbsolutePath().normalize();
    this.store = store;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String info = req.getPathInfo();
    if (info == null) {
      res.sendRedirect("/sources/");
      return;
    }
    if (info.equals("/")) {
      send(res, 200, SitePage.page("Sources", SitePage.Section.SOURCES, head(), index()));
      return;
    }
    String id = info.substring(1);
    Path file = file(id);
    if (file == null) {
      send(
          res,
          404,
          SitePage.page(
              "Source not found",
              SitePage.Section.SOURCES,
              head(),
              "<h1>Source not found</h1>\n<p>No registered source text is called <strong>"
                  + LandingPage.esc(id)
                  + "</strong>. See the <a href=\"/sources/\">list of sources</a>.</p>"));
      return;
    }
    byte[] bytes = Files.readAllBytes(file);
    String text;
    try {
      text = StrictUtf8.decode(bytes);
    } catch (StrictUtf8.NotUtf8Exception e) {
      send(
          res,
          500,
          SitePage.page(
              "Unreadable source",
              SitePage.Section.SOURCES,
              head(),
              "<h1>Unreadable source</h1>\n<p>"
                  + LandingPage.esc(file.getFileName().toString())
                  + " is not UTF-8 text.</p>"));
      return;
    }
    SourceView view =
        new SourceView(
            id, file.getFileName().toString(), text, Hashes.sha256(bytes), map(file), store);
    String quote = req.getParameter("quote");
    String study = req.getParameter("study");
    SourceView.Result r;
    if (quote != null) {
      String[] parts = quote.split("/", -1);
      r =
          parts.length == 2 && NAME.matcher(parts[0]).matches() && NAME.matcher(parts[1]).matches()
              ? view.quote(parts[0], parts[1])
              : view.problem(400, "The quote is named as STUDY/EVIDENCE, e.g. peer-2024/e1.");
    } else if (study != null) {
      r =
          NAME.matcher(study).matches()
              ? view.study(study)
              : view.problem(400, "A study is named by its identifier, e.g. peer-2024.");
    } else {
      r = view.plain();
    }
    send(res, r.status(), SitePage.page(r.title(), SitePage.Section.SOURCES, head(), r.body()));
  }

  /** The text file of a source id, inside the folder, or null. */
  private Path file(String id) {
    if (folder == null || !NAME.matcher(id).matches() || id.contains("..")) {
      return null;
    }
    Path file = folder.resolve(id + ".txt").normalize();
    return file.startsWith(folder) && Files.isRegularFile(file) ? file : null;
  }

  private static SourceMap map(Path text) {
    Path file = SourceMap.fileFor(text);
    try {
      return Files.isRegularFile(file) ? SourceMap.parse(Files.readString(file)) : null;
    } catch (IOException e) {
      return null; // shown as plain paragraphs; validate reports a broken map
    }
  }

  private static String head() {
    return "<link rel=\"stylesheet\" href=\"/assets/sources.css\">\n"
        + "<script src=\"/assets/sources.js\" defer></script>\n";
  }

  private String index() {
    StringBuilder h = new StringBuilder(4096);
    h.append(
        "<h1>Source texts</h1>\n<p class=\"source-lead\">The texts the studies' quotes were"
            + " checked against, as registered with <code>cmograph source add</code>. Open one to read"
            + " it with its pages and sections marked, and a study's quotes highlighted in place.</p>\n");
    if (folder == null || !Files.isDirectory(folder)) {
      return h.append("<p>This server was started without a sources folder.</p>").toString();
    }
    Map<String, SourceQuotes.Use> uses = store.uses();
    List<Path> files = new ArrayList<>();
    try (var list = Files.list(folder)) {
      list.filter(p -> p.getFileName().toString().endsWith(".txt"))
          .filter(p -> NAME.matcher(stem(p)).matches())
          .sorted()
          .forEach(files::add);
    } catch (IOException e) {
      return h.append("<p>The sources folder cannot be read.</p>").toString();
    }
    if (files.isEmpty()) {
      return h.append("<p>No source texts are registered.</p>").toString();
    }
    h.append("<ul class=\"source-list\">\n");
    for (Path p : files) {
      String id = stem(p);
      SourceQuotes.Use use = uses.get(p.getFileName().toString());
      h.append("<li><a class=\"source-id\" href=\"/sources/")
          .append(LandingPage.esc(id))
          .append("\">")
          .append(LandingPage.esc(id))
          .append("</a>");
      String about = describe(p);
      if (!about.isEmpty()) {
        h.append("<span class=\"source-about\">").append(LandingPage.esc(about)).append("</span>");
      }
      h.append("<span class=\"source-use\">");
      if (use == null) {
        h.append("No loaded study uses it.");
      } else {
        h.append(use.quotes()).append(use.quotes() == 1 ? " quote" : " quotes").append(" from ");
        for (int i = 0; i < use.studies().size(); i++) {
          String s = use.studies().get(i);
          h.append(i == 0 ? "" : ", ")
              .append("<a href=\"/sources/")
              .append(LandingPage.esc(id))
              .append("?study=")
              .append(LandingPage.esc(s))
              .append("\">")
              .append(LandingPage.esc(s))
              .append("</a>");
        }
      }
      h.append("</span></li>\n");
    }
    return h.append("</ul>\n").toString();
  }

  /** The source's title from its map, else its first line, shortened. */
  private static String describe(Path text) {
    SourceMap map = map(text);
    if (map != null && map.front() != null && map.front().title() != null) {
      return map.front().title();
    }
    try (var in = Files.newBufferedReader(text, StandardCharsets.UTF_8)) {
      String line = in.readLine();
      if (line == null) {
        return "";
      }
      line = line.strip();
      return line.length() > 160 ? line.substring(0, 157) + "…" : line;
    } catch (IOException e) {
      return "";
    }
  }

  private static String stem(Path p) {
    String name = p.getFileName().toString();
    return name.substring(0, name.length() - 4);
  }

  private static void send(HttpServletResponse res, int status, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    res.setStatus(status);
    res.setContentType("text/html;charset=utf-8");
    res.setHeader("Content-Security-Policy", LandingPage.CONTENT_SECURITY_POLICY);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cache-Control", "no-store");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }
}
