package org.cmograph.endpoint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashSet;
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
 * <p>For the commands of whoever runs the server, not for the public (who read the HTML summaries
 * under {@code /summaries/}, written once): a request must carry the server's token ({@value
 * #TOKEN_HEADER}), which {@code serve} writes only into the store folder's note, and come from this
 * machine (loopback, or the server's own address), so neither a browser page nor a client behind a
 * local proxy can make the server write. The work is fixed by the store and the ids (no query text
 * comes from the client), at most {@value #MAX_IDS} ids, one document at a time: a request that
 * waits longer than the query queue's wait gets 503 with {@code Retry-After}.
 */
final class SummaryDocument extends HttpServlet {
  private static final Logger LOG = LoggerFactory.getLogger(SummaryDocument.class);

  /** The request header that carries the server's token. */
  static final String TOKEN_HEADER = "X-Cmograph-Token";

  /** The most mechanism and theory CMOC ids one request may name. */
  static final int MAX_IDS = 200;

  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "md", "text/markdown;charset=utf-8",
          "html", "text/html;charset=utf-8",
          "json", "application/json;charset=utf-8");

  /** The HTML document styles itself inline and needs nothing else. */
  private static final String HTML_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f]*:[0-9A-Fa-f:.]*\\]?");

  private final SummaryRenderer renderer;
  private final byte[] token;
  private final Duration wait;
  private final Semaphore turn = new Semaphore(1, true);

  /**
   * @param token what a request must carry in {@value #TOKEN_HEADER}
   * @param wait the longest a request waits for the document before it
   */
  SummaryDocument(SummaryRenderer renderer, String token, Duration wait) {
    this.renderer = renderer;
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.wait = wait;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!allowed(request.getRemoteAddr(), request.getLocalAddr())
        || !tokenMatches(request.getHeader(TOKEN_HEADER))) {
      plain(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "this route serves the commands of whoever runs this server; the summaries are at"
              + " /summaries/");
      return;
    }
    String format = request.getParameter("format") == null ? "md" : request.getParameter("format");
    String type = CONTENT_TYPES.get(format);
    if (type == null) {
      plain(response, 400, "unknown format '" + format + "'; use md, html or json");
      return;
    }
    List<String> mechanisms = distinct(request, "mechanism");
    List<String> theoryCmocs = distinct(request, "theory-cmoc");
    if (mechanisms.size() + theoryCmocs.size() > MAX_IDS) {
      plain(response, 400, "name at most " + MAX_IDS + " mechanisms and theory CMOCs");
      return;
    }
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
      LOG.warn("summary could not be written", e);
      plain(response, 500, "the summary could not be written; see the server's log");
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
    response.setHeader("Content-Security-Policy", HTML_POLICY);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader(EndpointServer.SUMMARY_HEADER, "1");
    if (rendered.noTheory()) {
      response.setHeader(EndpointServer.NO_THEORY_HEADER, "true");
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** A HEAD would write the whole document only to throw it away. */
  @Override
  protected void doHead(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Allow", "GET");
    plain(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "GET only");
  }

  private boolean tokenMatches(String given) {
    return given != null
        && MessageDigest.isEqual(token, given.strip().getBytes(StandardCharsets.UTF_8));
  }

  /** The values of a repeatable parameter, each once, in the order first given. */
  private static List<String> distinct(HttpServletRequest request, String name) {
    String[] v = request.getParameterValues(name);
    return v == null ? List.of() : List.copyOf(new LinkedHashSet<>(List.of(v)));
  }

  /**
   * Whether a client at {@code remote} is on this machine: loopback, or, for a server bound to one
   * of the machine's addresses, that same address ({@code local}, where the request arrived).
   */
  static boolean allowed(String remote, String local) {
    return loopback(remote) || (remote != null && !remote.isEmpty() && remote.equals(local));
  }

  /**
   * Whether an address, an IP literal as the servlet API gives it, is loopback. Nothing is looked
   * up: a name is not an address here.
   */
  static boolean loopback(String address) {
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
