package org.cmograph.endpoint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /summary?mechanism=ID&theory-cmoc=ID&format=md|html|json}: one evidence summary
 * document, written by the server from the store it holds ({@link SummaryRenderer}), byte for byte
 * what {@code cmograph summary} writes from the store. It is how {@code cmograph summary} reads a
 * store that a running {@code cmograph serve} holds, without copying the whole dataset.
 *
 * <p>Answered to clients on this machine only (the reading commands; everyone else has the HTML
 * summaries under {@code /summaries/}), and one document at a time: a request that waits longer
 * than the query queue's wait gets 503, as a query does.
 */
final class SummaryDocument extends HttpServlet {
  private static final Logger LOG = LoggerFactory.getLogger(SummaryDocument.class);

  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "md", "text/markdown;charset=utf-8",
          "html", "text/html;charset=utf-8",
          "json", "application/json;charset=utf-8");

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f]*:[0-9A-Fa-f:.]*\\]?");

  private final SummaryRenderer renderer;
  private final Duration wait;
  private final Semaphore turn = new Semaphore(1, true);

  SummaryDocument(SummaryRenderer renderer, Duration wait) {
    this.renderer = renderer;
    this.wait = wait;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    // A command on this machine comes from loopback, or, to a server bound to one of the machine's
    // addresses, from that same address.
    String client = request.getRemoteAddr();
    if (!local(client) && !(client != null && client.equals(request.getLocalAddr()))) {
      plain(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "this route serves cmograph's commands on the same machine; the summaries are at"
              + " /summaries/");
      return;
    }
    String format = request.getParameter("format") == null ? "md" : request.getParameter("format");
    String type = CONTENT_TYPES.get(format);
    if (type == null) {
      plain(response, 400, "unknown format '" + format + "'; use md, html or json");
      return;
    }
    List<String> mechanisms = values(request, "mechanism");
    List<String> theoryCmocs = values(request, "theory-cmoc");
    try {
      if (!turn.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        response.setHeader("Retry-After", "5");
        plain(response, 503, "busy writing another summary; try again");
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      plain(response, 503, "interrupted");
      return;
    }
    SummaryRenderer.Rendered rendered;
    try {
      rendered = renderer.render(mechanisms, theoryCmocs, format);
    } catch (RuntimeException e) {
      LOG.warn("summary could not be written: {}", e.toString());
      plain(response, 500, "the summary could not be written: " + e.getMessage());
      return;
    } finally {
      turn.release();
    }
    if (!rendered.problems().isEmpty()) {
      plain(response, 400, String.join("\n", rendered.problems()));
      return;
    }
    byte[] body = rendered.document().getBytes(StandardCharsets.UTF_8);
    response.setContentType(type);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", "sandbox");
    response.setHeader("Cache-Control", "no-store");
    if (rendered.noTheory()) {
      response.setHeader(EndpointServer.NO_THEORY_HEADER, "true");
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static List<String> values(HttpServletRequest request, String name) {
    String[] v = request.getParameterValues(name);
    return v == null ? List.of() : List.of(v);
  }

  /**
   * Whether the client's address, an IP literal as the servlet API gives it, is loopback. Nothing
   * else is looked up: a name is not an address here.
   */
  static boolean local(String address) {
    if (address == null || !(IPV4.matcher(address).matches() || IPV6.matcher(address).matches())) {
      return false;
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static void plain(HttpServletResponse response, int status, String message)
      throws IOException {
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("text/plain;charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
