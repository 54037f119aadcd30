package org.cmograph.extraction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Synthetic extraction files for benchmarks: studies with the shape of real ones ({@link
 * ExtractionProfile}), each with its own synthetic source text in which every quote stands
 * verbatim, so they pass {@code cmograph validate}. Mechanisms are drawn from the catalogue with a
 * Zipf-like popularity (the r-th most popular concept is named with weight 1/r), so a few mechanisms
 * gather thousands of evidence items, as they would in a field-wide evidence base.
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
  private static final List<String> PERSPECTIVES = schemaEnum("/$defs/evidence/properties/perspective/enum");

  private static List<String> schemaEnum(String pointer) {
    List<String> values = new ArrayList<>();
    SchemaCheck.extraction().schemaNode().at(pointer).forEach(v -> values.add(v.asText()));
    if (values.isEmpty()) {
      throw new IllegalStateException("the extraction schema has no enum at " + pointer);
    }
    return List.copyOf(values);
  }

  private static final List<String> SECTION_ORDER =
      List.of("Background", "Purpose", "Introduction", "Methods", "Results", "Conclusions");

  private final ExtractionProfile profile;
  private final long seed;
  private final List<String> conceptsByPopularity;
  private final double[] cumulative;
  private final List<String> sections;

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
    Random r = new Random(seed * 0x9E3779B97F4A7C15L + i);
    String id = studyId(i);
    ExtractionProfile.Shape shape = ExtractionProfile.draw(r, profile.shapes, null);
    int cmocCount = Math.max(1, shape.cmocs());
    int evidenceCount = Math.max(1, shape.evidence());

    // The quotes first: their lengths and sections decide how long the source text must be.
    List<ExtractionProfile.Voice> voices = new ArrayList<>();
    int[] quoteLength = new int[evidenceCount];
    String[] quoteSection = new String[evidenceCount];
    TreeMap<String, Integer> sectionWords = new TreeMap<>();
    for (int e = 0; e < evidenceCount; e++) {
      voices.add(ExtractionProfile.draw(r, profile.voices, null));
      quoteLength[e] = Math.max(3, ExtractionProfile.draw(r, profile.quoteWords, 20));
      quoteSection[e] = ExtractionProfile.draw(r, sections, "Results");
      sectionWords.merge(quoteSection[e], quoteLength[e], Integer::sum);
    }
    int base = ExtractionProfile.draw(r, profile.sourceWords, 300);
    List<String> headings = new ArrayList<>(sectionWords.keySet());
    headings.sort((a, b) -> Integer.compare(SECTION_ORDER.indexOf(a), SECTION_ORDER.indexOf(b)));
    TreeMap<String, List<String>> sectionText = new TreeMap<>();
    StringBuilder source = new StringBuilder();
    source
        .append("Synthetic source text of ")
        .append(id)
        .append(", generated for benchmarks (seed ")
        .append(seed)
        .append("); not a real study.\n");
    for (String heading : headings) {
      int n = base / headings.size() + sectionWords.get(heading);
      List<String> words = profile.words.words(r, n);
      sectionText.put(heading, words);
      source.append('\n').append(heading).append('\n');
      wrap(words, source);
    }

    String title = profile.words.phrase(r, draw(r, profile.titleWords, 12));
    StringBuilder y = new StringBuilder(8192);
    y.append("# Synthetic study generated by 'cmograph generate --seed ")
        .append(seed)
        .append("' for benchmarks: not real evidence.\n");
    y.append("format: 2\nstudy:\n");
    y.append("  id: ").append(id).append('\n');
    y.append("  title: ").append(quoted(title)).append('\n');
    if (shape.authors() > 0) {
      List<String> authors = new ArrayList<>();
      for (int a = 0; a < shape.authors(); a++) {
        authors.add(author(r));
      }
      y.append("  authors: ").append(flowList(authors)).append('\n');
    }
    y.append("  year: ").append(draw(r, profile.years, 2015)).append('\n');
    y.append("  journal: ").append(quoted(draw(r, profile.journals, "Journal"))).append('\n');
    y.append("  doi: ").append(quoted("10.5555/cmograph." + id)).append('\n');
    if (r.nextInt(10) == 0) {
      y.append("  trial_registration: ")
          .append(String.format("ISRCTN%08d", r.nextInt(100_000_000)))
          .append('\n');
    }
    y.append("  design: ").append(quoted(draw(r, profile.designs, "qualitative study"))).append('\n');
    y.append("  countries: ")
        .append(flowList(List.of(draw(r, profile.countries, "England"))))
        .append('\n');
    y.append("  setting: ")
        .append(quoted(draw(r, profile.settings, "mental health services")))
        .append('\n');
    int total = 0;
    if (shape.sampleGroups() > 0) {
      y.append("  sample:\n");
      for (int g = 0; g < shape.sampleGroups(); g++) {
        y.append("    - role: ").append(quoted(draw(r, profile.roles, "peer workers"))).append('\n');
        if (ExtractionProfile.chance(r, profile.hasSampleSize)) {
          int n = 3 + r.nextInt(60);
          total += n;
          y.append("      n: ").append(n).append('\n');
        }
      }
    }
    if (total > 0) {
      y.append("  sample_total: ").append(total).append('\n');
    }
    y.append("  analysis: ").append(quoted(draw(r, profile.analyses, "thematic analysis"))).append('\n');
    if (ExtractionProfile.chance(r, profile.hasAppraisal)) {
      y.append("  appraisal:\n");
      y.append("    limitations: ").append(draw(r, profile.concerns, "minor")).append('\n');
      y.append("    relevance: ").append(draw(r, profile.concerns, "none")).append('\n');
      y.append("    notes: ")
          .append(quoted(profile.words.phrase(r, draw(r, profile.noteWords, 30))))
          .append('\n');
    }
    y.append("\nsource:\n  file: ").append(id).append(".txt\n");
    if (ExtractionProfile.chance(r, profile.hasProgramme)) {
      y.append("\nprogramme:\n  id: programme\n");
      y.append("  name: ").append(quoted(profile.words.phrase(r, draw(r, profile.labelWords, 6)))).append('\n');
      y.append("  description: ")
          .append(quoted(profile.words.phrase(r, draw(r, profile.contextWords, 20))))
          .append('\n');
    }

    // CMOCs: each with its own contexts (study-level, linked with a role), a catalogue mechanism
    // and its own outcomes.
    List<List<String>> contextIds = new ArrayList<>();
    List<List<String>> outcomeIds = new ArrayList<>();
    StringBuilder contextsY = new StringBuilder();
    StringBuilder outcomesY = new StringBuilder();
    StringBuilder cmocsY = new StringBuilder();
    for (int c = 1; c <= cmocCount; c++) {
      cmocsY.append("  - id: cmoc-").append(c).append('\n');
      cmocsY.append("    label: ")
          .append(quoted(profile.words.phrase(r, draw(r, profile.labelWords, 6))))
          .append('\n');
      if (ExtractionProfile.chance(r, profile.hasStatement)) {
        cmocsY.append("    statement: ")
            .append(quoted(profile.words.phrase(r, draw(r, profile.statementWords, 35))))
            .append('\n');
      }
      cmocsY.append("    kind: configuration\n");
      List<String> contexts = new ArrayList<>();
      int nContexts = draw(r, profile.contextsPerCmoc, 1);
      if (nContexts > 0) {
        cmocsY.append("    contexts:\n");
        for (int k = 1; k <= nContexts; k++) {
          String cid = "context-" + c + "-" + k;
          contexts.add(cid);
          contextsY.append("  - id: ").append(cid).append('\n');
          contextsY.append("    description: ")
              .append(quoted(profile.words.phrase(r, draw(r, profile.contextWords, 12))))
              .append('\n');
          contextsY.append("    type: ")
              .append(draw(r, profile.contextTypes, "organisational"))
              .append('\n');
          cmocsY.append("      - {context: ")
              .append(cid)
              .append(", role: ")
              .append(draw(r, profile.contextRoles, "enabling"))
              .append("}\n");
        }
      }
      contextIds.add(contexts);
      cmocsY.append("    mechanism:\n");
      cmocsY.append("      concept: ").append(popularConcept(r)).append('\n');
      cmocsY.append("      wording: ")
          .append(quoted(profile.words.phrase(r, draw(r, profile.mechanismWords, 10))))
          .append('\n');
      List<String> notReported = new ArrayList<>();
      if (ExtractionProfile.chance(r, profile.hasResource)) {
        cmocsY.append("      resource: ")
            .append(quoted(profile.words.phrase(r, draw(r, profile.mechanismWords, 12))))
            .append('\n');
      } else {
        notReported.add("resource");
      }
      if (ExtractionProfile.chance(r, profile.hasResponse)) {
        cmocsY.append("      reasoning: ")
            .append(quoted(profile.words.phrase(r, draw(r, profile.mechanismWords, 12))))
            .append('\n');
      } else {
        notReported.add("reasoning");
      }
      if (!notReported.isEmpty()) {
        cmocsY.append("      not_reported: ").append(flowList(notReported)).append('\n');
      }
      List<String> outcomes = new ArrayList<>();
      int nOutcomes = draw(r, profile.outcomesPerCmoc, 1);
      for (int k = 1; k <= nOutcomes; k++) {
        String oid = "outcome-" + c + "-" + k;
        outcomes.add(oid);
        outcomesY.append("  - id: ").append(oid).append('\n');
        outcomesY.append("    description: ")
            .append(quoted(profile.words.phrase(r, draw(r, profile.outcomeWords, 12))))
            .append('\n');
        String direction = draw(r, profile.directions, "");
        if (!direction.isEmpty()) {
          outcomesY.append("    direction: ").append(direction).append('\n');
        }
        String level = draw(r, profile.levels, "");
        if (!level.isEmpty()) {
          outcomesY.append("    level: ").append(level).append('\n');
        }
        if (!draw(r, profile.intended, true)) {
          outcomesY.append("    intended: false\n");
        }
      }
      if (!outcomes.isEmpty()) {
        cmocsY.append("    outcomes: ").append(flowList(outcomes)).append('\n');
      }
      outcomeIds.add(outcomes);
    }
    if (contextsY.length() > 0) {
      y.append("\ncontexts:\n").append(contextsY);
    }
    if (outcomesY.length() > 0) {
      y.append("\noutcomes:\n").append(outcomesY);
    }
    y.append("\ncmocs:\n").append(cmocsY);

    y.append("\nevidence:\n");
    for (int e = 0; e < evidenceCount; e++) {
      ExtractionProfile.Voice v = voices.get(e);
      // Every CMOC gets evidence first, then the rest fall anywhere.
      int c = e < cmocCount ? e : r.nextInt(cmocCount);
      List<String> words = sectionText.get(quoteSection[e]);
      int length = Math.min(quoteLength[e], words.size());
      int start = r.nextInt(words.size() - length + 1);
      String quote = String.join(" ", words.subList(start, start + length));
      y.append("  - id: evidence-").append(e + 1).append('\n');
      y.append("    cmocs: [cmoc-").append(c + 1).append("]\n");
      y.append("    kind: ").append(v.kind()).append('\n');
      List<String> about = about(r, v.aboutKinds(), contextIds.get(c), outcomeIds.get(c));
      if (!about.isEmpty()) {
        y.append("    about: ").append(flowList(about)).append('\n');
      }
      y.append("    quote: ").append(quoted(quote)).append('\n');
      y.append("    location: ").append(quoted("Abstract, " + quoteSection[e])).append('\n');
      y.append("    speaker: ").append(v.speaker()).append('\n');
      String perspective = v.perspective();
      // Smoothing: the bundled data names few perspectives; one item in eight gets any of them.
      if ("participant".equals(v.speaker()) && (perspective == null || r.nextInt(8) == 0)) {
        perspective = PERSPECTIVES.get(r.nextInt(PERSPECTIVES.size()));
      }
      if (perspective != null) {
        y.append("    perspective: ").append(perspective).append('\n');
      }
      if (v.stance() != null) {
        y.append("    stance: ").append(v.stance()).append('\n');
      }
      if (v.strength() != null) {
        y.append("    strength: ").append(v.strength()).append('\n');
      }
      if ("extractor".equals(v.speaker())) {
        y.append("    inference: ")
            .append(quoted(profile.words.phrase(r, draw(r, profile.noteWords, 25))))
            .append('\n');
      }
      if (v.note()) {
        y.append("    note: ")
            .append(quoted(profile.words.phrase(r, draw(r, profile.noteWords, 15))))
            .append('\n');
      }
    }

    y.append("\nextraction:\n");
    y.append("  extractor: ").append(quoted(draw(r, profile.extractors, "A. Reviewer"))).append('\n');
    y.append("  date: ")
        .append(java.time.LocalDate.of(2024, 1, 1).plusDays(r.nextInt(730)))
        .append('\n');
    y.append("  notes: ")
        .append(quoted("Synthetic extraction for benchmarks (seed " + seed + ")."))
        .append('\n');
    return new Study(id, y.toString(), id + ".txt", source.toString(), evidenceCount);
  }

  private static <T> T draw(Random r, List<T> observed, T fallback) {
    return ExtractionProfile.draw(r, observed, fallback);
  }

  private String popularConcept(Random r) {
    double x = r.nextDouble() * cumulative[cumulative.length - 1];
    int at = Arrays.binarySearch(cumulative, x);
    int rank = at >= 0 ? at : -at - 1;
    return conceptsByPopularity.get(Math.min(rank, conceptsByPopularity.size() - 1));
  }

  private static List<String> about(
      Random r, List<String> kinds, List<String> contexts, List<String> outcomes) {
    List<String> out = new ArrayList<>();
    for (String kind : kinds) {
      String part =
          switch (kind) {
            case "context" -> contexts.isEmpty() ? null : contexts.get(r.nextInt(contexts.size()));
            case "outcome" -> outcomes.isEmpty() ? null : outcomes.get(r.nextInt(outcomes.size()));
            default -> kind;
          };
      if (part != null && !out.contains(part)) {
        out.add(part);
      }
    }
    return out;
  }

  private String author(Random r) {
    String known = draw(r, profile.authors, "Smith J");
    String surname = known.contains(" ") ? known.substring(0, known.lastIndexOf(' ')) : known;
    return surname + " " + (char) ('A' + r.nextInt(26)) + (r.nextBoolean() ? "" : String.valueOf((char) ('A' + r.nextInt(26))));
  }

  /** Words wrapped at about 100 columns, as a text file of an abstract would be. */
  private static void wrap(List<String> words, StringBuilder out) {
    int column = 0;
    for (String w : words) {
      if (column > 0 && column + 1 + w.length() > 100) {
        out.append('\n');
        column = 0;
      } else if (column > 0) {
        out.append(' ');
        column++;
      }
      out.append(w);
      column += w.length();
    }
    out.append('\n');
  }

  /** A YAML double-quoted scalar: safe for any text (also for the study fields of cli/new). */
  public static String quoted(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7F) {
            b.append(String.format("\\x%02X", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static String flowList(List<String> items) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(quoted(items.get(i)));
    }
    return b.append(']').toString();
  }
}
