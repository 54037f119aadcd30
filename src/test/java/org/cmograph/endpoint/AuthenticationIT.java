package org.cmograph.endpoint;

import static org.cmograph.endpoint.Http.basic;
import static org.cmograph.endpoint.Http.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.cmograph.store.CmoStore;
import org.junit.jupiter.api.Test;

/**
 * HTTP Basic on a real server with an update user: password guessing is slowed per client and
 * logged without the password, a malformed header is a 400, the landing page does not name the
 * account.
 */
class AuthenticationIT {
  static final String USER = "curator-7q2x";
  static final String PASSWORD = "correct horse battery staple 91";
  static final String INSERT =
      "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> 1 } }";

  static EndpointServer writable(CmoStore store) {
    return EndpointServer.start(
        store.dataset(),
        BundledStore.testSettings().withUpdateUser(new ServerSettings.Credentials(USER, PASSWORD)),
        List::of);
  }

  @Test
  void passwordGuessingIsSlowedPerClientAndLoggedWithoutThePassword() {
    try (CmoStore store = CmoStore.inMemory();
        EndpointServer server = writable(store);
        LogCapture log = new LogCapture()) {
      int checked = 0;
      int refused = 0;
      int attempts = 0;
      long start = System.nanoTime();
      long thresholdAt = 0;
      int checkedAfterThreshold = 0;
      // 300 guesses, or 4 s, whichever comes first.
      while (attempts < 300 && System.nanoTime() - start < 4_000_000_000L) {
        HttpResponse<String> r =
            Http.postForm(
                server.updateUrl(),
                form("update", INSERT),
                "Authorization",
                basic(USER, "guess-" + attempts));
        attempts++;
        if (r.statusCode() == 401) {
          checked++;
          if (thresholdAt != 0) {
            checkedAfterThreshold++;
          }
          if (checked == LoginThrottle.FREE_FAILURES) {
            thresholdAt = System.nanoTime();
          }
        } else {
          assertEquals(429, r.statusCode(), r.body());
          assertTrue(r.headers().firstValue("Retry-After").isPresent());
          refused++;
        }
      }
      double secondsAfter = (System.nanoTime() - thresholdAt) / 1e9;
      double checkedPerSecond = checkedAfterThreshold / secondsAfter;
      System.out.printf(
          "login throttle: %d attempts in %.1f s, %d passwords checked, %d refused; after the threshold"
              + " %d checks in %.1f s = %.2f/s%n",
          attempts,
          (System.nanoTime() - start) / 1e9,
          checked,
          refused,
          checkedAfterThreshold,
          secondsAfter,
          checkedPerSecond);
      assertTrue(attempts >= 50, "enough attempts to measure: " + attempts);
      assertTrue(
          checkedPerSecond <= 1.5,
          "passwords checked per second after the threshold: " + checkedPerSecond);
      // Even the right password waits out the lock-out: otherwise a guesser could keep going.
      assertEquals(
          429,
          Http.postForm(
                  server.updateUrl(),
                  form("update", INSERT),
                  "Authorization",
                  basic(USER, PASSWORD))
              .statusCode());

      List<String> lines = log.lines();
      long failures =
          lines.stream()
              .filter(l -> l.contains("failed login for user '" + USER + "' from 127.0.0.1"))
              .count();
      assertEquals(checked, failures, "one log line per checked failure");
      assertTrue(lines.stream().anyMatch(l -> l.contains("refused")), "the lock-out is logged");
      assertTrue(lines.size() < checked + 20, "the log is not flooded: " + lines.size() + " lines");
      assertFalse(String.join("\n", lines).contains("guess-"), "no password in the log");
    }
  }

  @Test
  void malformedAuthorizationHeadersAreBadRequests() {
    try (CmoStore store = CmoStore.inMemory();
        EndpointServer server = writable(store)) {
      String b64 =
          Base64.getEncoder().encodeToString("no-colon-here".getBytes(StandardCharsets.UTF_8));
      String empty =
          Base64.getEncoder().encodeToString((":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      List<String> headers =
          List.of(
              "Basic",
              "Basic !!!not-base64!!!",
              "Basic " + b64,
              "Basic " + empty,
              "Basic====",
              "BasicAAAA",
              "Basic a");
      List<String> failures = new ArrayList<>();
      for (String header : headers) {
        HttpResponse<String> r =
            Http.postForm(server.updateUrl(), form("update", INSERT), "Authorization", header);
        if (r.statusCode() != 400 || r.body().contains("Exception") || r.body().contains("\tat ")) {
          failures.add(header + " -> " + r.statusCode() + " " + r.body());
        }
      }
      for (String header : headers) {
        for (String url : List.of(server.queryUrl() + "?query=ASK%7B%7D", server.baseUrl())) {
          HttpResponse<String> r = Http.get(url, "Authorization", header);
          if (r.statusCode() >= 500 || r.body().contains("Exception")) {
            failures.add("GET " + url + " " + header + " -> " + r.statusCode() + " " + r.body());
          }
        }
      }
      assertEquals(List.of(), failures);
      // Another scheme is not malformed, only not accepted here.
      assertEquals(
          401,
          Http.postForm(server.updateUrl(), form("update", INSERT), "Authorization", "Bearer abc")
              .statusCode());
      assertEquals(
          200,
          Http.postForm(
                  server.updateUrl(),
                  form("update", INSERT),
                  "Authorization",
                  basic(USER, PASSWORD))
              .statusCode());
    }
  }

  @Test
  void theLandingPageDoesNotNameTheAccount() {
    try (CmoStore store = CmoStore.inMemory();
        EndpointServer server = writable(store)) {
      HttpResponse<String> page = Http.get(server.baseUrl());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("/cmo/update"), "the page still says updates are on");
      assertFalse(page.body().contains(USER), "the account's name is on the landing page");
    }
  }

  /** Collects the log lines of the whole process while open. */
  static final class LogCapture implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;

    LogCapture() {
      appender =
          new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
              if (event.getLoggerName().equals(ThrottledBasicAuthenticator.class.getName())) {
                lines.add(event.getMessage().getFormattedMessage());
              }
            }
          };
      appender.start();
      LoggerContext context = (LoggerContext) LogManager.getContext(false);
      context.getConfiguration().getRootLogger().addAppender(appender, null, null);
      context.updateLoggers();
    }

    List<String> lines() {
      return List.copyOf(lines);
    }

    @Override
    public void close() {
      LoggerContext context = (LoggerContext) LogManager.getContext(false);
      context.getConfiguration().getRootLogger().removeAppender("capture");
      context.updateLoggers();
      appender.stop();
    }
  }
}
