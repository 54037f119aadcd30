package org.cmograph.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.cmograph.extraction.SchemaCheck;

/**
 * Synthetic extraction files for benchmarks: studies with the shape of real ones ({@link
 * ExtractionProfile}), each with its own synthetic source text in which every quote stands
 * verbatim, so they pass {@code cmograph validate}. Mechanisms are drawn from the catalogue with a
 * Zipf-like popularity (the r-th most popular concept is named with weight 1/r), so a few
 * mechanisms gather thousands of evidence items, as they would in a field-wide evidence base.
 *
 * <p>Deterministic: study {@code i} depends only on the seed, {@code i} and the profile, so the
 * same seed gives identical bytes, and the first 1,000 of 10,000 studies are the 1,000 studies.
 *
 * <pre>
 * SyntheticStudies gen = new SyntheticStudies(profile, catalogue.conceptIds(), 42);
 * gen.write(10_000, Path.of("/tmp/cmo-10k"));  // studies/ and sources/
 * </pre>
 */
public final class SyntheticStudies {
  /** Zipf exponent of mechanism popularity. */
  static final double ZIPF_EXPONENT = 1.0;

  /** The perspectives of the extraction format, read from its schema (not a second copy). */
  static final List<String> PERSPECTIVES =
      schemaEnum("/$defs/evidence/properties/perspective/enum");

  private static List<String> schemaEnum(String pointer) {
    List<String> values = new ArrayList<>();
    SchemaCheck.extraction().schemaNode().at(pointer).forEach(v -> values.add(v.asText()));
    if (values.isEmpty()) {
      throw new IllegalStateException("the extraction schema has no enum at " + pointer);
    }
    return List.copyOf(values);
  }

  static final List<String> SECTION_ORDER =
      List.of("Background", "Purpose", "Introduction", "Methods", "Results", "Conclusions");

  final ExtractionProfile profile;
  final long seed;
  private final List<String> conceptsByPopularity;
  private final double[] cumulative;
  final List<String> sections;

  /**
   * @param conceptIds the catalogue's mechanism concept ids
   * @param seed the seed; the popularity order of the concepts depends on it too
   */
  public SyntheticStudies(ExtractionProfile profile, Iterable<String> conceptIds, long seed) {
    this.profile = profile;
    this.seed = seed;
    List<String> concepts = new ArrayList<>();
    conceptIds.forEach(concepts::add);
    if (concepts.isEmpty()) {
      throw new IllegalArgumentException("the catalogue holds no mechanism concept");
    }
    Collections.sort(concepts);
    Collections.shuffle(concepts, new Random(seed));
    this.conceptsByPopularity = List.copyOf(concepts);
    this.cumulative = new double[concepts.size()];
    double sum = 0;
    for (int r = 0; r < concepts.size(); r++) {
      sum += 1.0 / Math.pow(r + 1, ZIPF_EXPONENT);
      cumulative[r] = sum;
    }
    List<String> s = new ArrayList<>();
    for (String section : profile.sections) {
      if (section.matches("[A-Z][a-z]+") && SECTION_ORDER.contains(section)) {
        s.add(section);
      }
    }
    this.sections = s.isEmpty() ? List.of("Results") : List.copyOf(s);
  }

  /** The concepts from most to least popular. */
  public List<String> conceptsByPopularity() {
    return conceptsByPopularity;
  }

  /** The id of the {@code i}-th study (1-based). */
  public static String studyId(int i) {
    return String.format("synthetic-%06d", i);
  }

  /** One generated study: its extraction file and its source text. */
  public record Study(String id, String yaml, String sourceFile, String sourceText, int evidence) {}

  /** What {@link #write} wrote. */
  public record Written(int studies, long evidenceItems, long bytes) {}

  /** Writes studies 1..n as {@code out/studies/ID.yaml} and {@code out/sources/ID.txt}. */
  public Written write(int n, Path out) throws IOException {
    Path studies = out.resolve("studies");
    Path sources = out.resolve("sources");
    Files.createDirectories(studies);
    Files.createDirectories(sources);
    long evidence = 0;
    long bytes = 0;
    for (int i = 1; i <= n; i++) {
      Study s = study(i);
      byte[] yaml = s.yaml().getBytes(StandardCharsets.UTF_8);
      byte[] text = s.sourceText().getBytes(StandardCharsets.UTF_8);
      Files.write(studies.resolve(s.id() + ".yaml"), yaml);
      Files.write(sources.resolve(s.sourceFile()), text);
      evidence += s.evidence();
      bytes += yaml.length + text.length;
    }
    return new Written(n, evidence, bytes);
  }

  /** The {@code i}-th study (1-based). */
  public Study study(int i) {
    return new SyntheticStudy(this, i).make();
  }

  /** A concept drawn by popularity: the r-th most popular with weight 1/r. */
  String popularConcept(Random r) {
    double x = r.nextDouble() * cumulative[cumulative.length - 1];
    int at = Arrays.binarySearch(cumulative, x);
    int rank = at >= 0 ? at : -at - 1;
    return conceptsByPopularity.get(Math.min(rank, conceptsByPopularity.size() - 1));
  }
}
