package org.cmograph.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cmograph.endpoint.EndpointServer;
import org.cmograph.endpoint.SummaryRenderer;
import org.cmograph.report.Summaries;
import org.cmograph.store.ServedStore;

/**
 * One summary document from the running {@code cmograph serve} that holds the store: the server
 * writes it from its own store ({@code GET /summary}) in a warm process, where reading the store
 * through the server would copy the whole dataset first (818 MB of N-Quads at 10,000 studies).
 */
final class ServedSummary {
  /** A whole theory's document at 10,000 studies takes about half a minute to write. */
  private static final Duration WAIT = Duration.ofMinutes(10);

  private ServedSummary() {}

  /**
   * The document from the server that holds the store {@code target} names; empty when no running
   * server holds it, the note names none, or the server turns a command on this machine away (the
   * caller then reads the store, or through the server, as before).
   *
   * @param format md, html or json
   */
  static Optional<SummaryRenderer.Rendered> fetch(
      Workspace ws,
      TargetOptions target,
      Summaries.Selection selection,
      String format,
      PrintWriter err) {
    if (target.remote()) {
      return Optional.empty();
    }
    Optional<ServedStore.Server> served = ServedStore.find(target.resolve(ws));
    if (served.isEmpty() || served.get().summaryUrl() == null) {
      return Optional.empty();
    }
    ServedStore.Server server = served.get();
    URI uri = URI.create(server.summaryUrl() + "?" + query(selection, format));
    Answer response;
    try {
      response = send(uri, server.summaryToken());
    } catch (ConnectException e) {
      return Optional.empty(); // the process named is not that server (gone, its id reused)
    } catch (IOException e) {
      throw new CliException(
          ErrorCode.ENDPOINT_FAILED,
          "the running 'cmograph serve' (process "
              + server.pid()
              + ") did not answer for the summary at "
              + server.summaryUrl()
              + ": "
              + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ErrorCode.ENDPOINT_FAILED, "interrupted", e);
    }
    int status = response.status();
    boolean ours = response.header(EndpointServer.SUMMARY_HEADER) != null;
    if (status == 403 || status == 404 || (status == 200 && !ours)) {
      // Not this server's to ask (another token, another process on the port), or a server
      // without the route: read as before, through its Graph Store, a copy of the whole dataset.
      err.println(
          "note: the server at "
              + server.summaryUrl()
              + " did not write the summary (HTTP "
              + status
              + "); reading the whole dataset through it instead, which takes memory and time on a"
              + " large store");
      err.flush();
      return Optional.empty();
    }
    err.println(
        "note: "
            + Workspace.shown(target.resolve(ws))
            + " is served by 'cmograph serve' (process "
            + server.pid()
            + "); the summary comes from "
            + server.summaryUrl());
    err.flush();
    if (status == 400) {
      return Optional.of(
          new SummaryRenderer.Rendered(null, List.of(response.body().strip().split("\n")), false));
    }
    if (status != 200) {
      throw new CliException(
          ErrorCode.ENDPOINT_FAILED,
          "the running 'cmograph serve' answered HTTP "
              + status
              + " for the summary at "
              + server.summaryUrl()
              + ": "
              + response.body().strip());
    }
    boolean noTheory = response.header(EndpointServer.NO_THEORY_HEADER) != null;
    return Optional.of(new SummaryRenderer.Rendered(response.body(), List.of(), noTheory));
  }

  /** A server's answer: its status, body and headers. */
  record Answer(int status, String body, Map<String, List<String>> headers) {
    /** The first value of a header, or null. */
    String header(String name) {
      for (Map.Entry<String, List<String>> h : headers.entrySet()) {
        if (h.getKey() != null && h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
          return h.getValue().get(0);
        }
      }
      return null;
    }
  }

  /**
   * GETs the document; while the server answers 503 (writing another summary), asks again after the
   * {@code Retry-After} it gives, until {@link #WAIT} has passed. The server is this machine's,
   * over plain HTTP, so the JDK's simple client does (the newer one sets up TLS on creation, about
   * 0.2 s of a command that takes two); no proxy is asked.
   */
  static Answer send(URI uri, String token) throws IOException, InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (true) {
      HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
      Answer answer;
      try {
        c.setConnectTimeout(10_000);
        c.setReadTimeout((int) WAIT.toMillis());
        c.setInstanceFollowRedirects(false);
        if (token != null) {
          c.setRequestProperty(EndpointServer.TOKEN_HEADER, token);
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String body = "";
        if (in != null) {
          try (in) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
        }
        answer = new Answer(status, body, c.getHeaderFields());
      } finally {
        c.disconnect();
      }
      long pause = retryAfterMs(answer.header("Retry-After"));
      if (answer.status() != 503 || pause < 0 || System.nanoTime() + pause * 1_000_000 > end) {
        return answer;
      }
      Thread.sleep(pause);
    }
  }

  /** The pause a 503's {@code Retry-After} (seconds) asks for, at most a minute; -1 without. */
  private static long retryAfterMs(String retryAfter) {
    try {
      return retryAfter == null ? -1 : Math.min(60, Long.parseLong(retryAfter.strip())) * 1000;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String query(Summaries.Selection selection, String format) {
    StringBuilder q = new StringBuilder("format=").append(encode(format));
    for (String m : selection.mechanisms()) {
      q.append("&mechanism=").append(encode(m));
    }
    for (String t : selection.theoryCmocs()) {
      q.append("&theory-cmoc=").append(encode(t));
    }
    return q.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
