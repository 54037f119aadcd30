package org.cmograph.endpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Plain HTTP calls for the endpoint tests, each with a time limit so a broken guard fails fast.
 * Each call has its own connection: a server may close a connection after refusing a request whose
 * body it did not read, and a reused connection would then fail the next, unrelated call.
 */
final class Http {

  private Http() {}

  static String form(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> get(String url, String... headers) {
    HttpRequest.Builder b = request(url).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build());
  }

  static HttpResponse<String> method(
      String method, String url, String contentType, BodyPublisher body, String... headers) {
    HttpRequest.Builder b = request(url).method(method, body);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build());
  }

  static HttpResponse<String> post(String url, String contentType, String body, String... headers) {
    return method("POST", url, contentType, BodyPublishers.ofString(body), headers);
  }

  static HttpResponse<String> postForm(String url, String body, String... headers) {
    return post(url, "application/x-www-form-urlencoded", body, headers);
  }

  /** GET /cmo/sparql?query=... */
  static HttpResponse<String> query(EndpointServer server, String query, String accept) {
    return get(server.queryUrl() + "?" + form("query", query), "Accept", accept);
  }
}
