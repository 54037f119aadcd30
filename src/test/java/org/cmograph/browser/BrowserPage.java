package org.cmograph.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One browser tab: navigate, run JavaScript in the page, wait for a condition, take a screenshot,
 * and collect every problem the page reports (console errors, uncaught exceptions, failed loads,
 * Content-Security-Policy violations), so a test can assert there were none.
 */
public final class BrowserPage implements AutoCloseable {
  private final DevToolsConnection devTools;
  private final String targetId;
  private final String session;
  private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  private final AtomicReference<CompletableFuture<Void>> loaded = new AtomicReference<>();

  private BrowserPage(DevToolsConnection devTools, String targetId, String session) {
    this.devTools = devTools;
    this.targetId = targetId;
    this.session = session;
  }

  static BrowserPage open(DevToolsConnection devTools) throws IOException {
    ObjectNode create = DevToolsConnection.params().put("url", "about:blank");
    String targetId =
        devTools
            .send(null, "Target.createTarget", create, HeadlessChromium.TIMEOUT)
            .path("targetId")
            .asText();
    ObjectNode attach = DevToolsConnection.params().put("targetId", targetId).put("flatten", true);
    String session =
        devTools
            .send(null, "Target.attachToTarget", attach, HeadlessChromium.TIMEOUT)
            .path("sessionId")
            .asText();
    BrowserPage page = new BrowserPage(devTools, targetId, session);
    devTools.onEvent(
        (eventSession, message) -> {
          if (session.equals(eventSession)) {
            page.event(message.path("method").asText(), message.path("params"));
          }
        });
    page.command("Page.enable", null);
    page.command("Runtime.enable", null);
    page.command("Log.enable", null);
    page.command(
        "Emulation.setDeviceMetricsOverride",
        DevToolsConnection.params()
            .put("width", 1280)
            .put("height", 900)
            .put("deviceScaleFactor", 1)
            .put("mobile", false));
    return page;
  }

  private void event(String method, JsonNode params) {
    switch (method) {
      case "Page.loadEventFired" -> {
        CompletableFuture<Void> f = loaded.get();
        if (f != null) {
          f.complete(null);
        }
      }
      case "Runtime.exceptionThrown" -> {
        JsonNode d = params.path("exceptionDetails");
        problems.add(
            "uncaught exception: "
                + d.path("exception").path("description").asText(d.path("text").asText()));
      }
      case "Runtime.consoleAPICalled" -> {
        String type = params.path("type").asText();
        if (type.equals("error") || type.equals("assert")) {
          StringBuilder text = new StringBuilder("console." + type + ":");
          params
              .path("args")
              .forEach(
                  a ->
                      text.append(' ')
                          .append(a.path("value").asText(a.path("description").asText())));
          problems.add(text.toString());
        }
      }
      case "Log.entryAdded" -> {
        JsonNode entry = params.path("entry");
        if (entry.path("level").asText().equals("error")) {
          problems.add(
              entry.path("source").asText()
                  + ": "
                  + entry.path("text").asText()
                  + (entry.has("url") ? " (" + entry.path("url").asText() + ")" : ""));
        }
      }
      default -> {}
    }
  }

  private JsonNode command(String method, ObjectNode params) throws IOException {
    return command(method, params, HeadlessChromium.TIMEOUT);
  }

  private JsonNode command(String method, ObjectNode params, Duration timeout) throws IOException {
    return devTools.send(session, method, params, timeout);
  }

  /** Sets the window size the page is laid out for (a phone is 390 wide). */
  public void viewport(int width, int height) throws IOException {
    command(
        "Emulation.setDeviceMetricsOverride",
        DevToolsConnection.params()
            .put("width", width)
            .put("height", height)
            .put("deviceScaleFactor", 1)
            .put("mobile", width < 600));
  }

  /** Opens {@code url} and waits for its load event. */
  public void navigate(String url) throws IOException {
    CompletableFuture<Void> done = new CompletableFuture<>();
    loaded.set(done);
    JsonNode result = command("Page.navigate", DevToolsConnection.params().put("url", url));
    if (result.hasNonNull("errorText")) {
      throw new IOException("cannot open " + url + ": " + result.get("errorText").asText());
    }
    try {
      done.get(HeadlessChromium.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IOException(url + " did not finish loading: " + e, e);
    }
  }

  /** Evaluates a JavaScript expression in the page (promises awaited) and returns its value. */
  public JsonNode evaluate(String expression) throws IOException {
    return evaluate(expression, HeadlessChromium.TIMEOUT);
  }

  /** As {@link #evaluate(String)}, waiting up to {@code timeout} for the answer. */
  public JsonNode evaluate(String expression, Duration timeout) throws IOException {
    JsonNode result =
        command(
            "Runtime.evaluate",
            DevToolsConnection.params()
                .put("expression", expression)
                .put("returnByValue", true)
                .put("awaitPromise", true),
            timeout);
    if (result.has("exceptionDetails")) {
      throw new IOException(
          "script failed: " + expression + ": " + result.path("exceptionDetails").toString());
    }
    return result.path("result").path("value");
  }

  /** Evaluates to a string ("" for null or undefined). */
  public String text(String expression) throws IOException {
    JsonNode v = evaluate(expression);
    return v.isMissingNode() || v.isNull() ? "" : v.asText();
  }

  /** Waits until {@code condition} (a JavaScript expression) is truthy. */
  public void waitFor(String condition, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (evaluate("Boolean(" + condition + ")").asBoolean()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "timed out after "
                + timeout
                + " waiting for: "
                + condition
                + "; problems: "
                + problems());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  /** Clicks the first element matching the CSS selector. */
  public void click(String cssSelector) throws IOException {
    String quoted = com.fasterxml.jackson.databind.node.TextNode.valueOf(cssSelector).toString();
    if (!evaluate(
            "(e => { if (!e) return false; e.click(); return true; })(document.querySelector("
                + quoted
                + "))")
        .asBoolean()) {
      throw new IOException("nothing to click at " + cssSelector);
    }
  }

  /** Saves a PNG of the whole page. */
  public void screenshot(Path file) throws IOException {
    capture(file, true);
  }

  /** Saves a PNG of what the window shows now (a long page's scrolled-to part). */
  public void screenshotViewport(Path file) throws IOException {
    capture(file, false);
  }

  private void capture(Path file, boolean wholePage) throws IOException {
    JsonNode shot =
        command(
            "Page.captureScreenshot",
            DevToolsConnection.params()
                .put("format", "png")
                .put("captureBeyondViewport", wholePage));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
  }

  /** Everything the page reported as an error so far. */
  public List<String> problems() {
    synchronized (problems) {
      return List.copyOf(problems);
    }
  }

  @Override
  public void close() {
    try {
      devTools.send(
          null,
          "Target.closeTarget",
          DevToolsConnection.params().put("targetId", targetId),
          Duration.ofSeconds(5));
    } catch (IOException e) {
      // The browser is closed with its process anyway.
    }
  }
}
