package org.cmograph.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cmograph.extraction.sources.SourceMap;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quote-matching corpus ({@code src/test/resources/extraction/matching/quote-matching.tsv}):
 * every copy a PDF viewer makes of a passage is accepted, every negative control refused with the
 * message that names the difference.
 */
class QuoteMatchingCorpusTest {
  static final Path DIR = Repo.root().resolve("src/test/resources/extraction/matching");

  static Stream<Arguments> cases() throws IOException {
    return Files.readAllLines(DIR.resolve("quote-matching.tsv")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .map(l -> l.split("\t", -1))
        .map(f -> Arguments.of(f[0], f[1], f[2], unescape(f[3]), f.length > 4 ? f[4] : ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void corpusCase(String name, String expected, String source, String quote, String message)
      throws IOException {
    SourceText text = source(source);
    if (expected.equals("match")) {
      assertTrue(text.contains(quote), name + ": refused: " + text.closest(quote).describe());
      SourceText.Passage p = text.locate(quote).orElseThrow();
      assertTrue(p.end() > p.start());
    } else {
      assertEquals("refuse", expected, name);
      assertFalse(text.contains(quote), name + ": accepted, but it is a different text");
      String said = text.closest(quote).describe();
      assertTrue(said.contains(message), name + ": the message was: " + said);
    }
  }

  @Test
  void everyToleratedCaseHasANegativeControl() throws IOException {
    List<String[]> rows =
        cases().map(a -> new String[] {(String) a.get()[0], (String) a.get()[1]}).toList();
    long matches = rows.stream().filter(r -> r[1].equals("match")).count();
    long refusals = rows.stream().filter(r -> r[1].equals("refuse")).count();
    assertTrue(matches >= 15, "tolerated cases: " + matches);
    assertTrue(refusals >= matches * 3 / 4, "negative controls: " + refusals + " for " + matches);
  }

  @Test
  void theRegisteredFixtureHasAMapThatFitsIt() throws IOException {
    SourceText text = source("registered");
    assertTrue(text.map().isPresent(), text.mapProblem().orElse("no map"));
    assertEquals(3, text.map().get().pages().size());
  }

  static SourceText source(String name) throws IOException {
    return switch (name) {
      case "abstract" -> plain(Repo.root().resolve("data/sources/gillard-2014-change-model.txt"));
      case "peer" -> plain(Repo.root().resolve("data/sources/peer-2024-recipients.txt"));
      case "registered" -> {
        Path t = DIR.resolve("registered.txt");
        yield SourceText.withMap(
            "registered.txt",
            Files.readString(t),
            SourceMap.parse(Files.readString(SourceMap.fileFor(t))));
      }
      default -> throw new IllegalArgumentException("no source fixture '" + name + "'");
    };
  }

  private static SourceText plain(Path file) throws IOException {
    return new SourceText(file.getFileName().toString(), Files.readString(file));
  }

  private static final Pattern ESCAPE = Pattern.compile("\\\\(n|u([0-9A-Fa-f]{4}))");

  static String unescape(String s) {
    Matcher m = ESCAPE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String r =
          m.group(1).equals("n") ? "\n" : String.valueOf((char) Integer.parseInt(m.group(2), 16));
      m.appendReplacement(out, Matcher.quoteReplacement(r));
    }
    m.appendTail(out);
    return out.toString();
  }
}
