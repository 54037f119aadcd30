package org.cmograph.endpoint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The landing page's own script, style sheet and icon, served from the jar: the page never loads
 * anything from another server, so it works offline and leaks nothing about who reads what.
 */
final class Assets extends HttpServlet {
  private static final String FOLDER = "/org/cmograph/endpoint/assets/";
  private static final Map<String, String> TYPES =
      Map.of(
          "query.js", "text/javascript;charset=utf-8",
          "yasgui-LICENSE.txt", "text/plain;charset=utf-8",
          "style.css", "text/css;charset=utf-8",
          "site.css", "text/css;charset=utf-8",
          "linked-data.css", "text/css;charset=utf-8",
          "favicon.svg", "image/svg+xml",
          "sources.css", "text/css;charset=utf-8",
          "sources.js", "text/javascript;charset=utf-8");

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
    String type = TYPES.get(name);
    if (type == null) {
      res.sendError(404);
      return;
    }
    try (InputStream in = Assets.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        res.sendError(404);
        return;
      }
      byte[] body = in.readAllBytes();
      res.setContentType(type);
      res.setHeader("Cache-Control", "no-cache");
      res.setContentLength(body.length);
      res.getOutputStream().write(body);
    }
  }
}
