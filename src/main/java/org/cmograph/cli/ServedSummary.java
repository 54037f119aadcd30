package org.cmograph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
    HttpResponse<String> response;
    try {
      response = send(server, uri);
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
    int status = response.statusCode();
    boolean ours = response.headers().firstValue(EndpointServer.SUMMARY_HEADER).isPresent();
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
    boolean noTheory = response.headers().firstValue(EndpointServer.NO_THEORY_HEADER).isPresent();
    return Optional.of(new SummaryRenderer.Rendered(response.body(), List.of(), noTheory));
  }

  /**
   * GETs the document; while the server answers 503 (writing another summary), asks again after the
   * {@code Retry-After} it gives, until {@link #WAIT} has passed.
   */
  private static HttpResponse<String> send(ServedStore.Server server, URI uri)
      throws IOException, InterruptedException {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    long end = System.nanoTime() + WAIT.toNanos();
    while (true) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(WAIT).GET();
      if (server.summaryToken() != null) {
        request.header(EndpointServer.TOKEN_HEADER, server.summaryToken());
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      long pause = retryAfterMs(response);
      if (response.statusCode() != 503
          || pause < 0
          || System.nanoTime() + pause * 1_000_000 > end) {
        return response;
      }
      Thread.sleep(pause);
    }
  }

  /** The pause a 503's {@code Retry-After} (seconds) asks for, at most a minute; -1 without. */
  private static long retryAfterMs(HttpResponse<?> response) {
    try {
      return response
          .headers()
          .firstValue("Retry-After")
          .map(v -> Math.min(60, Long.parseLong(v.strip())) * 1000)
          .orElse(-1L);
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
