package org.cmograph.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.cmograph.exchange.YamlWriter;

/**
 * One generated study: its source text first (the quotes' lengths and sections decide how long it
 * must be), then its extraction file as plain data written by the one {@link YamlWriter}. The
 * random draws come in a fixed order, so study {@code i} depends only on the seed, {@code i} and
 * the profile.
 */
final class SyntheticStudy {
  private final SyntheticStudies generator;
  private final ExtractionProfile profile;
  private final long seed;
  private final String id;
  private final Random r;

  SyntheticStudy(SyntheticStudies generator, int i) {
    this.generator = generator;
    this.profile = generator.profile;
    this.seed = generator.seed;
    this.id = SyntheticStudies.studyId(i);
    this.r = new Random(seed * 0x9E3779B97F4A7C15L + i);
  }

  SyntheticStudies.Study make() {
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
      quoteSection[e] = ExtractionProfile.draw(r, generator.sections, "Results");
      sectionWords.merge(quoteSection[e], quoteLength[e], Integer::sum);
    }
    TreeMap<String, List<String>> sectionText = new TreeMap<>();
    String source = sourceText(sectionWords, sectionText);

    Map<String, Object> study = study(shape);
    Map<String, Object> programme = null;
    if (ExtractionProfile.chance(r, profile.hasProgramme)) {
      programme = new LinkedHashMap<>();
      programme.put("id", "programme");
      programme.put("name", phrase(profile.labelWords, 6));
      programme.put("description", phrase(profile.contextWords, 20));
    }

    // CMOCs: each with its own contexts (study-level, linked with a role), a catalogue mechanism
    // and its own outcomes.
    List<List<String>> contextIds = new ArrayList<>();
    List<List<String>> outcomeIds = new ArrayList<>();
    List<Object> contexts = new ArrayList<>();
    List<Object> outcomes = new ArrayList<>();
    List<Object> cmocs = new ArrayList<>();
    for (int c = 1; c <= cmocCount; c++) {
      Map<String, Object> cmoc = new LinkedHashMap<>();
      cmocs.add(cmoc);
      cmoc.put("id", "cmoc-" + c);
      cmoc.put("label", phrase(profile.labelWords, 6));
      if (ExtractionProfile.chance(r, profile.hasStatement)) {
        cmoc.put("statement", phrase(profile.statementWords, 35));
      }
      cmoc.put("kind", "configuration");
      List<String> ownContexts = new ArrayList<>();
      List<Object> links = new ArrayList<>();
      int nContexts = draw(profile.contextsPerCmoc, 1);
      for (int k = 1; k <= nContexts; k++) {
        String cid = "context-" + c + "-" + k;
        ownContexts.add(cid);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("id", cid);
        context.put("description", phrase(profile.contextWords, 12));
        context.put("type", draw(profile.contextTypes, "organisational"));
        contexts.add(context);
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("context", cid);
        link.put("role", draw(profile.contextRoles, "enabling"));
        links.add(link);
      }
      if (!links.isEmpty()) {
        cmoc.put("contexts", links);
      }
      contextIds.add(ownContexts);
      cmoc.put("mechanism", mechanism());
      List<String> ownOutcomes = new ArrayList<>();
      int nOutcomes = draw(profile.outcomesPerCmoc, 1);
      for (int k = 1; k <= nOutcomes; k++) {
        String oid = "outcome-" + c + "-" + k;
        ownOutcomes.add(oid);
        outcomes.add(outcome(oid));
      }
      if (!ownOutcomes.isEmpty()) {
        cmoc.put("outcomes", ownOutcomes);
      }
      outcomeIds.add(ownOutcomes);
    }

    List<Object> evidence = new ArrayList<>();
    for (int e = 0; e < evidenceCount; e++) {
      // Every CMOC gets evidence first, then the rest fall anywhere.
      int c = e < cmocCount ? e : r.nextInt(cmocCount);
      List<String> words = sectionText.get(quoteSection[e]);
      int length = Math.min(quoteLength[e], words.size());
      int start = r.nextInt(words.size() - length + 1);
      String quote = String.join(" ", words.subList(start, start + length));
      evidence.add(
          evidence(
              e, c, voices.get(e), quote, quoteSection[e], contextIds.get(c), outcomeIds.get(c)));
    }

    Map<String, Object> extraction = new LinkedHashMap<>();
    extraction.put("extractor", draw(profile.extractors, "A. Reviewer"));
    extraction.put("date", LocalDate.of(2024, 1, 1).plusDays(r.nextInt(730)).toString());
    extraction.put("notes", "Synthetic extraction for benchmarks (seed " + seed + ").");

    YamlWriter yaml = new YamlWriter(Map.of());
    StringBuilder y = new StringBuilder(8192);
    y.append("# Synthetic study generated by 'cmograph generate --seed ")
        .append(seed)
        .append("' for benchmarks: not real evidence.\n");
    y.append(yaml.topLevel("format", 2));
    y.append(yaml.topLevel("study", study));
    y.append('\n').append(yaml.topLevel("source", Map.of("file", id + ".txt")));
    if (programme != null) {
      y.append('\n').append(yaml.topLevel("programme", programme));
    }
    if (!contexts.isEmpty()) {
      y.append('\n').append(yaml.topLevel("contexts", contexts));
    }
    if (!outcomes.isEmpty()) {
      y.append('\n').append(yaml.topLevel("outcomes", outcomes));
    }
    y.append('\n').append(yaml.topLevel("cmocs", cmocs));
    y.append('\n').append(yaml.topLevel("evidence", evidence));
    y.append('\n').append(yaml.topLevel("extraction", extraction));
    return new SyntheticStudies.Study(id, y.toString(), id + ".txt", source, evidenceCount);
  }

  /** The source text: a line saying what it is, then each section's words under its heading. */
  private String sourceText(
      TreeMap<String, Integer> sectionWords, TreeMap<String, List<String>> sectionText) {
    int base = ExtractionProfile.draw(r, profile.sourceWords, 300);
    List<String> headings = new ArrayList<>(sectionWords.keySet());
    List<String> order = SyntheticStudies.SECTION_ORDER;
    headings.sort((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b)));
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
    return source.toString();
  }

  private Map<String, Object> study(ExtractionProfile.Shape shape) {
    Map<String, Object> study = new LinkedHashMap<>();
    study.put("id", id);
    study.put("title", phrase(profile.titleWords, 12));
    if (shape.authors() > 0) {
      List<String> authors = new ArrayList<>();
      for (int a = 0; a < shape.authors(); a++) {
        authors.add(author());
      }
      study.put("authors", authors);
    }
    study.put("year", draw(profile.years, 2015));
    study.put("journal", draw(profile.journals, "Journal"));
    study.put("doi", "10.5555/cmograph." + id);
    if (r.nextInt(10) == 0) {
      study.put("trial_registration", String.format("ISRCTN%08d", r.nextInt(100_000_000)));
    }
    study.put("design", draw(profile.designs, "qualitative study"));
    study.put("countries", List.of(draw(profile.countries, "England")));
    study.put("setting", draw(profile.settings, "mental health services"));
    int total = 0;
    List<Object> sample = new ArrayList<>();
    for (int g = 0; g < shape.sampleGroups(); g++) {
      Map<String, Object> group = new LinkedHashMap<>();
      group.put("role", draw(profile.roles, "peer workers"));
      if (ExtractionProfile.chance(r, profile.hasSampleSize)) {
        int n = 3 + r.nextInt(60);
        total += n;
        group.put("n", n);
      }
      sample.add(group);
    }
    if (!sample.isEmpty()) {
      study.put("sample", sample);
    }
    if (total > 0) {
      study.put("sample_total", total);
    }
    study.put("analysis", draw(profile.analyses, "thematic analysis"));
    if (ExtractionProfile.chance(r, profile.hasAppraisal)) {
      Map<String, Object> appraisal = new LinkedHashMap<>();
      appraisal.put("limitations", draw(profile.concerns, "minor"));
      appraisal.put("relevance", draw(profile.concerns, "none"));
      appraisal.put("notes", phrase(profile.noteWords, 30));
      study.put("appraisal", appraisal);
    }
    return study;
  }

  private Map<String, Object> mechanism() {
    Map<String, Object> mechanism = new LinkedHashMap<>();
    mechanism.put("concept", generator.popularConcept(r));
    mechanism.put("wording", phrase(profile.mechanismWords, 10));
    List<String> notReported = new ArrayList<>();
    if (ExtractionProfile.chance(r, profile.hasResource)) {
      mechanism.put("resource", phrase(profile.mechanismWords, 12));
    } else {
      notReported.add("resource");
    }
    if (ExtractionProfile.chance(r, profile.hasResponse)) {
      mechanism.put("reasoning", phrase(profile.mechanismWords, 12));
    } else {
      notReported.add("reasoning");
    }
    if (!notReported.isEmpty()) {
      mechanism.put("not_reported", notReported);
    }
    return mechanism;
  }

  private Map<String, Object> outcome(String oid) {
    Map<String, Object> outcome = new LinkedHashMap<>();
    outcome.put("id", oid);
    outcome.put("description", phrase(profile.outcomeWords, 12));
    String direction = draw(profile.directions, "");
    if (!direction.isEmpty()) {
      outcome.put("direction", direction);
    }
    String level = draw(profile.levels, "");
    if (!level.isEmpty()) {
      outcome.put("level", level);
    }
    if (!draw(profile.intended, true)) {
      outcome.put("intended", false);
    }
    return outcome;
  }

  private Map<String, Object> evidence(
      int e,
      int c,
      ExtractionProfile.Voice v,
      String quote,
      String section,
      List<String> contexts,
      List<String> outcomes) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", "evidence-" + (e + 1));
    item.put("cmocs", List.of("cmoc-" + (c + 1)));
    item.put("kind", v.kind());
    List<String> about = about(v.aboutKinds(), contexts, outcomes);
    if (!about.isEmpty()) {
      item.put("about", about);
    }
    item.put("quote", quote);
    item.put("location", "Abstract, " + section);
    item.put("speaker", v.speaker());
    String perspective = v.perspective();
    // Smoothing: the bundled data names few perspectives; one item in eight gets any of them.
    if ("participant".equals(v.speaker()) && (perspective == null || r.nextInt(8) == 0)) {
      List<String> all = SyntheticStudies.PERSPECTIVES;
      perspective = all.get(r.nextInt(all.size()));
    }
    if (perspective != null) {
      item.put("perspective", perspective);
    }
    if (v.stance() != null) {
      item.put("stance", v.stance());
    }
    if (v.strength() != null) {
      item.put("strength", v.strength());
    }
    if ("extractor".equals(v.speaker())) {
      item.put("inference", phrase(profile.noteWords, 25));
    }
    if (v.note()) {
      item.put("note", phrase(profile.noteWords, 15));
    }
    return item;
  }

  private List<String> about(List<String> kinds, List<String> contexts, List<String> outcomes) {
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

  private String author() {
    String known = draw(profile.authors, "Smith J");
    String surname = known.contains(" ") ? known.substring(0, known.lastIndexOf(' ')) : known;
    return surname
        + " "
        + (char) ('A' + r.nextInt(26))
        + (r.nextBoolean() ? "" : String.valueOf((char) ('A' + r.nextInt(26))));
  }

  private String phrase(List<Integer> lengths, int fallback) {
    return profile.words.phrase(r, draw(lengths, fallback));
  }

  private <T> T draw(List<T> observed, T fallback) {
    return ExtractionProfile.draw(r, observed, fallback);
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
}
