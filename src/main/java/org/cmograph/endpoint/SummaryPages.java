package org.cmograph.endpoint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the HTML evidence summaries under {@code /summaries/}. The site is written on the first
 * request, not at start-up, so serving a large store stays quick to start; it reflects the store as
 * it was then. Only files inside the generated folder are served. An HTML page gets the site's
 * header ({@link SitePage#inject}), and its links to the graph's IRIs ({@code
 * https://w3id.org/cmograph/PATH}, as the files carry them for offline reading) point at this
 * server ({@code /PATH}), where the linked-data pages answer them.
 */
final class SummaryPages extends HttpServlet {
  private static final Logger LOG = LoggerFactory.getLogger(SummaryPages.class);

  private final Supplier<Path> site;
  private Path root;

  /**
   * @param site writes the summaries into a folder and returns it (called once)
   */
  SummaryPages(Supplier<Path> site) {
    this.site = site;
  }

  private synchronized Path root() {
    if (root == null) {
      root = site.get().toAbsolutePath().normalize();
    }
    return root;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String info = request.getPathInfo();
    if (info == null) {
      response.sendRedirect(request.getRequestURI() + "/");
      return;
    }
    String name = info.equals("/") ? "index.html" : info.substring(1);
    Path folder;
    try {
      folder = root();
    } catch (RuntimeException e) {
      LOG.warn("summaries could not be written: {}", e.toString());
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "summaries are unavailable");
      return;
    }
    Path file = folder.resolve(name).normalize();
    if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType(contentType(file));
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (file.getFileName().toString().endsWith(".html")) {
      byte[] page =
          served(Files.readString(file, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      response.setContentLength(page.length);
      try (OutputStream out = response.getOutputStream()) {
        out.write(page);
      }
      return;
    }
    response.setContentLengthLong(Files.size(file));
    try (OutputStream out = response.getOutputStream()) {
      Files.copy(file, out);
    }
  }

  private static final String IRI_HREF = "href=\"https://w3id.org/cmograph/";

  private static final String ICON =
      "<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">\n";

  /**
   * A summary page as this server shows it: with the site's icon and header, its links to the
   * graph's IRIs pointed at this server.
   */
  static String served(String html) {
    String local = html.replace(IRI_HREF, "href=\"/");
    int head = local.indexOf("</head>");
    if (head >= 0) {
      local = local.substring(0, head) + ICON + local.substring(head);
    }
    return SitePage.inject(local, SitePage.Section.SUMMARIES);
  }

  private static String contentType(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (name.endsWith(".csv")) {
      return "text/csv; charset=utf-8";
    }
    if (name.endsWith(".json")) {
      return "application/json";
    }
    if (name.endsWith(".docx")) {
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }
    if (name.endsWith(".svg")) {
      return "image/svg+xml";
    }
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    return "text/plain; charset=utf-8";
  }
}
