package org.cmograph.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cmograph.testing.HostileInputs;
import org.cmograph.testing.Snapshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated half of the bad-input corpus (see {@link HostileInputs}): each input is written
 * into a temporary folder and must give exactly the problems in {@code
 * extraction/hostile/NAME.problems.txt}. The timeout only catches a hang; the figures are in
 * docs/reliability.md.
 */
class HostileInputTest {
  static Stream<HostileInputs.Case> cases() {
    return HostileInputs.all().stream();
  }

  static String render(List<Problem> problems, Path root) {
    return problems.stream()
        .map(
            p ->
                new Problem(
                        p.file().startsWith(root) ? root.relativize(p.file()) : p.file(),
                        p.line(),
                        p.column(),
                        p.severity(),
                        p.code(),
                        p.message().replace(root + java.io.File.separator, ""))
                    .format())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void reportsExactProblems(HostileInputs.Case c, @TempDir Path tmp) throws IOException {
    Path input = c.writeUnder(tmp);
    ExtractionValidator.Report report = InvalidExtractionTest.validator().validate(List.of(input));
    assertTrue(report.hasErrors(), c.name() + " must be rejected");
    if (!Files.isDirectory(input)) {
      assertTrue(report.valid().isEmpty(), c.name() + " must not count as valid");
    }
    for (Problem p : report.problems()) {
      assertTrue(p.line() >= 1 && p.column() >= 1, p.format());
    }
    Snapshots.assertMatches(
        HostileInputs.goldenDir().resolve(c.name() + ".problems.txt"),
        render(report.problems(), tmp));
  }

  @Test
  void aDeviceThatNeverEndsIsRefusedUnread() {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
    ExtractionValidator.Report report = InvalidExtractionTest.validator().validate(List.of(zero));
    assertEquals(1, report.problems().size());
    assertEquals("UNREADABLE", report.problems().get(0).code());
  }

  /** Decision: a UTF-8 byte-order mark (Windows editors write one) is accepted without a word. */
  @Test
  void aUtf8ByteOrderMarkIsAcceptedSilently(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("minimal.yaml");
    Files.writeString(file, "\ufeff" + HostileInputs.minimal("minimal"), StandardCharsets.UTF_8);
    ExtractionValidator.Report report = InvalidExtractionTest.validator().validate(List.of(file));
    assertEquals(List.of(), report.problems());
    assertEquals(1, report.valid().size());
  }

  @Test
  void windowsAndOldMacLineEndingsAreAccepted(@TempDir Path tmp) throws IOException {
    for (String ending : List.of("\r\n", "\r")) {
      Path file = tmp.resolve("minimal.yaml");
      Files.writeString(file, HostileInputs.minimal("minimal").replace("\n", ending));
      ExtractionValidator.Report report = InvalidExtractionTest.validator().validate(List.of(file));
      assertEquals(List.of(), report.problems(), "line ending " + ending.length());
    }
  }

  @Test
  void aWholeNumberWrittenWithAFractionIsKept(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("minimal.yaml");
    Files.writeString(file, HostileInputs.minimal("minimal").replace("year: 2015", "year: 2015.0"));
    ExtractionValidator.Report report = InvalidExtractionTest.validator().validate(List.of(file));
    assertEquals(List.of(), report.problems());
    assertEquals(2015, report.valid().get(0).study().year());
  }

  @Test
  void tooManyProblemsAreCutShortAtAHundred(@TempDir Path tmp) throws IOException {
    Path input = HostileInputs.byName("evidence-1000-bad-items").writeUnder(tmp);
    List<Problem> problems = InvalidExtractionTest.validator().validate(List.of(input)).problems();
    assertEquals(ExtractionValidator.MAX_PROBLEMS_PER_FILE + 1, problems.size());
    assertEquals("TOO-MANY-PROBLEMS", problems.get(problems.size() - 1).code());
  }
}
