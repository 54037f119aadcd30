package org.cmograph.endpoint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * {@code /webjars/yasgui/NAME}: the query page's editor and results table (YASGUI 4.5.0, MIT), read
 * from its WebJar on the class path, so the page loads nothing from a CDN. Only the files named
 * here are served: the bundle, its style sheet, its package description and the licence notices of
 * what the bundle contains.
 */
final class WebJarFiles extends HttpServlet {
  static final String VERSION = "4.5.0";
  private static final String ROOT = "/META-INF/resources/webjars/zazuko__yasgui/" + VERSION + "/";

  /** Served name to [path in the WebJar, content type]. */
  private static final Map<String, String[]> FILES =
      Map.of(
          "yasgui.min.js",
          new String[] {"build/yasgui.min.js", "text/javascript;charset=utf-8"},
          "yasgui.min.css",
          new String[] {"build/yasgui.min.css", "text/css;charset=utf-8"},
          "package.json",
          new String[] {"package.json", "application/json"},
          "THIRD-PARTY-LICENSES.txt",
          new String[] {"build/yasgui.min.js.LICENSE.txt", "text/plain;charset=utf-8"});

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
    String[] file = FILES.get(name);
    if (file == null) {
      res.sendError(404);
      return;
    }
    try (InputStream in = WebJarFiles.class.getResourceAsStream(ROOT + file[0])) {
      if (in == null) {
        res.sendError(404);
        return;
      }
      byte[] body = in.readAllBytes();
      res.setContentType(file[1]);
      // The version is in the WebJar's path: a new version is a new jar and a restart.
      res.setHeader("Cache-Control", "max-age=86400");
      res.setContentLength(body.length);
      res.getOutputStream().write(body);
    }
  }
}
