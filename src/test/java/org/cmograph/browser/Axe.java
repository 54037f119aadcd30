package org.cmograph.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the axe-core accessibility rules (the WebJar on the test class path) on the page open in
 * headless Chromium and returns the serious and critical violations, one line each: rule, what it
 * asks, and up to three elements that break it.
 *
 * <pre>
 * page.navigate(url);
 * assertEquals(List.of(), Axe.seriousViolations(page));
 * </pre>
 */
public final class Axe {
  private static final String SCRIPT = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

  private static String source;

  private Axe() {}

  /** Serious and critical violations of the page as it is now ("" for none). */
  public static List<String> seriousViolations(BrowserPage page) throws IOException {
    page.evaluate(script() + "\n;true");
    return lines(page.evaluate(RUN));
  }

  /**
   * As {@link #seriousViolations(BrowserPage)}, for a page too long to check within one call's
   * usual time limit (a summary page tens of thousands of pixels tall): waits up to {@code timeout}
   * for the rules to finish.
   */
  public static List<String> seriousViolations(BrowserPage page, java.time.Duration timeout)
      throws IOException {
    page.evaluate(script() + "\n;true");
    return lines(page.evaluate(RUN, timeout));
  }

  /** Runs the rules; a promise of the serious and critical violations, one line each. */
  private static final String RUN =
      """
      axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
          + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')))""";

  private static List<String> lines(JsonNode found) {
    List<String> out = new ArrayList<>();
    found.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static synchronized String script() {
    if (source == null) {
      try (InputStream in = Axe.class.getResourceAsStream(SCRIPT)) {
        if (in == null) {
          throw new IllegalStateException("axe-core is not on the test class path: " + SCRIPT);
        }
        source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return source;
  }
}
