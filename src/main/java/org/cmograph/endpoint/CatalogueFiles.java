package org.cmograph.endpoint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code /queries/NAME.rq}: a catalogue query file as written, header included. */
final class CatalogueFiles extends HttpServlet {
  private final Supplier<List<CatalogueEntry>> catalogue;

  CatalogueFiles(Supplier<List<CatalogueEntry>> catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String file = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
    Optional<CatalogueEntry> entry =
        file.endsWith(".rq")
            ? catalogue.get().stream().filter(e -> (e.name() + ".rq").equals(file)).findFirst()
            : Optional.empty();
    if (entry.isEmpty()) {
      res.sendError(404);
      return;
    }
    byte[] body = entry.get().text().getBytes(StandardCharsets.UTF_8);
    res.setContentType("text/plain;charset=utf-8");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }
}
