package org.cmograph.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, driven over the DevTools Protocol, for tests that open cmograph's
 * pages the way a reviewer would. Each instance runs its own browser process with a fresh profile
 * in a temporary folder and with every background service off, so a test never reaches the
 * internet; {@link #close()} ends that process and deletes the profile.
 *
 * <pre>
 * try (HeadlessChromium chromium = HeadlessChromium.launch();
 *     BrowserPage page = chromium.newPage()) {
 *   page.navigate("http://localhost:" + port + "/");
 *   page.waitFor("document.querySelector('table') !== null", Duration.ofSeconds(10));
 *   page.screenshot(Path.of("target/page.png"));
 *   assertEquals(List.of(), page.problems());
 * }
 * </pre>
 *
 * Needs {@code /usr/bin/chromium} (Debian packages {@code chromium} and {@code chromium-driver});
 * without it the calling test is skipped, except on CI (environment variable {@code CI} set), where
 * it fails.
 */
public final class HeadlessChromium implements AutoCloseable {
  /** The browser binary; override with {@code -Dcmograph.chromium=PATH}. */
  public static final Path BINARY =
      Path.of(System.getProperty("cmograph.chromium", "/usr/bin/chromium"));

  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path profile;
  private final DevToolsConnection devTools;
  private final List<String> log;

  private HeadlessChromium(
      Process process, Path profile, DevToolsConnection devTools, List<String> log) {
    this.process = process;
    this.profile = profile;
    this.devTools = devTools;
    this.log = log;
  }

  /**
   * Where tests save screenshots: {@code screenshots/} in the build folder (the parent of the test
   * classes, so a build with its own {@code -Dcmograph.build.dir} keeps its own).
   */
  public static Path screenshotFolder() {
    try {
      Path classes =
          Path.of(
              HeadlessChromium.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return classes.getParent().resolve("screenshots");
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return Path.of("target", "screenshots");
    }
  }

  /** True when the browser binary is installed. */
  public static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /** Skips the calling test when Chromium is missing (fails instead on CI). */
  public static void assumeAvailable() {
    if (!available() && System.getenv("CI") != null) {
      throw new AssertionError(
          BINARY + " is missing; install the Debian packages chromium chromium-driver");
    }
    Assumptions.assumeTrue(available(), BINARY + " is not installed; browser test skipped");
  }

  /** Starts a headless browser with a fresh profile. */
  public static HeadlessChromium launch() throws IOException {
    assumeAvailable();
    Path profile = Files.createTempDirectory("cmograph-chromium-");
    List<String> command =
        List.of(
            BINARY.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-default-apps",
            "--metrics-recording-only",
            "--password-store=basic",
            "--use-mock-keychain",
            "--user-data-dir=" + profile,
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "about:blank");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<String> endpoint = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  log.add(line);
                  Matcher m = LISTENING.matcher(line);
                  if (m.find()) {
                    endpoint.complete(m.group(1));
                  }
                }
              } catch (IOException e) {
                endpoint.completeExceptionally(e);
              }
              endpoint.completeExceptionally(new IOException("chromium exited: " + log));
            },
            "chromium-output");
    reader.setDaemon(true);
    reader.start();
    try {
      String ws = endpoint.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return new HeadlessChromium(
          process, profile, DevToolsConnection.open(URI.create(ws), TIMEOUT), log);
    } catch (Exception e) {
      process.destroyForcibly();
      deleteTree(profile);
      throw new IOException(
          "chromium did not start: " + e.getMessage() + "\n" + String.join("\n", log), e);
    }
  }

  /** A new tab, ready to navigate. */
  public BrowserPage newPage() throws IOException {
    return BrowserPage.open(devTools);
  }

  /** What the browser printed (for failure messages). */
  public List<String> output() {
    return List.copyOf(log);
  }

  @Override
  public void close() {
    try {
      devTools.send(null, "Browser.close", null, Duration.ofSeconds(5));
    } catch (IOException e) {
      // Ended below either way.
    }
    devTools.close();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    deleteTree(profile);
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary profile is harmless.
    }
  }
}
