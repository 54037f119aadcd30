package org.cmograph.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.cmograph.extraction.ConceptCatalogue;
import org.cmograph.extraction.Extraction;
import org.cmograph.extraction.ExtractionValidator;
import org.cmograph.extraction.SourceLibrary;

/**
 * What real extractions look like, measured on a set of them (the bundled studies): how many CMOCs,
 * contexts, outcomes and evidence items they hold, who speaks from which perspective with which
 * stance, how long quotes and descriptions are, and the words of their source texts. {@link
 * SyntheticStudies} draws from it, so synthetic studies have the shape of real ones.
 *
 * <p>Every distribution is empirical: a draw picks one observed value, each observation equally
 * likely. Lists keep the order of the input, so a profile of the same studies always draws the same
 * values for the same random numbers.
 */
public final class ExtractionProfile {
  /** One study's counts, drawn together so they stay consistent with each other. */
  record Shape(int cmocs, int evidence, int authors, int sampleGroups) {}

  /** One evidence item's voice: who speaks, from where, what it does, and what it speaks to. */
  record Voice(
      String kind,
      String speaker,
      String perspective,
      String stance,
      String strength,
      List<String> aboutKinds,
      boolean note) {}

  final List<Shape> shapes = new ArrayList<>();
  final List<Integer> contextsPerCmoc = new ArrayList<>();
  final List<Integer> outcomesPerCmoc = new ArrayList<>();
  final List<Voice> voices = new ArrayList<>();
  final List<Integer> quoteWords = new ArrayList<>();
  final List<Integer> sourceWords = new ArrayList<>();
  final List<String> contextTypes = new ArrayList<>();
  final List<String> contextRoles = new ArrayList<>();
  final List<String> directions = new ArrayList<>();
  final List<String> levels = new ArrayList<>();
  final List<Boolean> intended = new ArrayList<>();
  final List<Boolean> hasResource = new ArrayList<>();
  final List<Boolean> hasResponse = new ArrayList<>();
  final List<Boolean> hasStatement = new ArrayList<>();
  final List<Boolean> hasProgramme = new ArrayList<>();
  final List<Boolean> hasAppraisal = new ArrayList<>();
  final List<Boolean> hasSampleSize = new ArrayList<>();
  final List<Integer> years = new ArrayList<>();
  final List<String> journals = new ArrayList<>();
  final List<String> designs = new ArrayList<>();
  final List<String> settings = new ArrayList<>();
  final List<String> analyses = new ArrayList<>();
  final List<String> countries = new ArrayList<>();
  final List<String> roles = new ArrayList<>();
  final List<String> authors = new ArrayList<>();
  final List<String> extractors = new ArrayList<>();
  final List<String> concerns = new ArrayList<>();
  final List<String> sections = new ArrayList<>();
  final List<Integer> titleWords = new ArrayList<>();
  final List<Integer> labelWords = new ArrayList<>();
  final List<Integer> statementWords = new ArrayList<>();
  final List<Integer> contextWords = new ArrayList<>();
  final List<Integer> outcomeWords = new ArrayList<>();
  final List<Integer> mechanismWords = new ArrayList<>();
  final List<Integer> noteWords = new ArrayList<>();
  final WordChain words;

  private ExtractionProfile(WordChain words) {
    this.words = words;
  }

  /**
   * Measures the valid extraction files under {@code folder} (the bundled {@code data/studies}) and
   * their source texts.
   *
   * @throws IllegalArgumentException if the folder holds no valid study with a source text
   */
  public static ExtractionProfile of(Path folder, ConceptCatalogue catalogue) {
    SourceLibrary library = new SourceLibrary(null);
    ExtractionValidator.Report report =
        new ExtractionValidator(catalogue, library).validate(List.of(folder));
    List<String> texts = new ArrayList<>();
    Set<Path> seen = new TreeSet<>();
    for (Extraction x : report.valid()) {
      if (x.source().file() != null) {
        Optional<Path> source = library.locate(x.file(), x.source().file());
        if (source.isPresent() && seen.add(source.get())) {
          try {
            texts.add(Files.readString(source.get(), StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    if (report.valid().isEmpty() || texts.isEmpty()) {
      throw new IllegalArgumentException(
          folder + " holds no valid extraction with a source text to measure");
    }
    return of(report.valid(), texts);
  }

  /**
   * Measures {@code studies}; {@code sourceTexts} (their registered source texts) teach the word
   * chain that synthetic texts are written with.
   */
  public static ExtractionProfile of(List<Extraction> studies, List<String> sourceTexts) {
    if (studies.isEmpty() || sourceTexts.isEmpty()) {
      throw new IllegalArgumentException("a profile needs at least one study and one source text");
    }
    ExtractionProfile p = new ExtractionProfile(new WordChain(sourceTexts));
    for (String text : sourceTexts) {
      p.sourceWords.add(WordChain.countWords(text));
    }
    for (Extraction x : studies) {
      Extraction.Study s = x.study();
      p.shapes.add(
          new Shape(x.cmocs().size(), x.evidence().size(), s.authors().size(), s.sample().size()));
      add(p.years, s.year());
      add(p.journals, s.journal());
      add(p.designs, s.design());
      add(p.settings, s.setting());
      add(p.analyses, s.analysis());
      p.countries.addAll(s.countries());
      p.authors.addAll(s.authors());
      p.titleWords.add(WordChain.countWords(s.title()));
      for (Extraction.SampleGroup g : s.sample()) {
        p.roles.add(g.role());
        p.hasSampleSize.add(g.n() != null);
      }
      p.hasAppraisal.add(s.appraisal() != null);
      if (s.appraisal() != null) {
        add(p.concerns, s.appraisal().limitations());
        add(p.concerns, s.appraisal().relevance());
        addWords(p.noteWords, s.appraisal().notes());
      }
      p.hasProgramme.add(x.programme() != null);
      add(p.extractors, x.extraction().extractor());
      java.util.Map<String, Extraction.Context> contexts = new java.util.HashMap<>();
      x.contexts().forEach(ctx -> contexts.put(ctx.id(), ctx));
      java.util.Map<String, Extraction.Outcome> outcomes = new java.util.HashMap<>();
      x.outcomes().forEach(o -> outcomes.put(o.id(), o));
      for (Extraction.Cmoc c : x.cmocs()) {
        p.contextsPerCmoc.add(c.contexts().size());
        p.outcomesPerCmoc.add(c.outcomes().size());
        p.labelWords.add(WordChain.countWords(c.label()));
        p.hasStatement.add(c.statement() != null);
        addWords(p.statementWords, c.statement());
        for (Extraction.ContextLink link : c.contexts()) {
          Extraction.Context ctx = contexts.get(link.context());
          p.contextRoles.add(link.role() == null ? "enabling" : link.role());
          if (ctx != null) {
            add(p.contextTypes, ctx.type());
            addWords(p.contextWords, ctx.description());
          }
        }
        for (String id : c.outcomes()) {
          Extraction.Outcome o = outcomes.get(id);
          if (o == null) {
            continue;
          }
          p.directions.add(o.direction() == null ? "" : o.direction());
          p.levels.add(o.level() == null ? "" : o.level());
          p.intended.add(o.intended() == null || o.intended());
          addWords(p.outcomeWords, o.description());
        }
        Extraction.Mechanism m = c.mechanism();
        if (m == null) {
          continue;
        }
        p.hasResource.add(m.resource() != null);
        p.hasResponse.add(m.reasoning() != null);
        addWords(p.mechanismWords, m.wording());
        addWords(p.mechanismWords, m.resource());
        addWords(p.mechanismWords, m.reasoning());
      }
      for (Extraction.EvidenceItem e : x.evidence()) {
        p.voices.add(
            new Voice(
                e.kind() == null ? Extraction.EvidenceItem.FINDING : e.kind(),
                e.speaker(),
                e.perspective(),
                e.stance(),
                e.strength(),
                aboutKinds(x, e),
                e.note() != null));
        p.quoteWords.add(WordChain.countWords(e.quote()));
        String section = e.location();
        int comma = section.lastIndexOf(", ");
        p.sections.add(comma >= 0 ? section.substring(comma + 2) : section);
        addWords(p.noteWords, e.inference());
      }
    }
    p.sections.replaceAll(String::strip);
    return p;
  }

  /**
   * What an evidence item speaks to, by kind: a link, mechanism, resource, reasoning, context,
   * outcome.
   */
  private static List<String> aboutKinds(Extraction x, Extraction.EvidenceItem e) {
    List<String> kinds = new ArrayList<>();
    Set<String> contextIds = new TreeSet<>();
    x.contexts().forEach(ctx -> contextIds.add(ctx.id()));
    for (String about : e.about()) {
      if (Extraction.EvidenceItem.ABOUT_MECHANISM_PARTS.contains(about)
          || Extraction.EvidenceItem.ABOUT_LINKS.contains(about)) {
        kinds.add(about);
      } else if (contextIds.contains(about)) {
        kinds.add("context");
      } else {
        kinds.add("outcome");
      }
    }
    return Collections.unmodifiableList(kinds);
  }

  private static <T> void add(List<T> list, T value) {
    if (value != null) {
      list.add(value);
    }
  }

  private static void addWords(List<Integer> list, String text) {
    if (text != null) {
      list.add(WordChain.countWords(text));
    }
  }

  /** One observed value, or {@code fallback} when none was observed. */
  static <T> T draw(Random random, List<T> observed, T fallback) {
    return observed.isEmpty() ? fallback : observed.get(random.nextInt(observed.size()));
  }

  static boolean chance(Random random, List<Boolean> observed) {
    return draw(random, observed, false);
  }

  /** Number of studies measured. */
  public int studies() {
    return shapes.size();
  }

  /** A short description of the measured distributions' means, for the command's output. */
  public String summary() {
    return String.format(
        "profile of %d studies: %.1f CMOCs, %.1f evidence items per study; %.1f contexts, %.1f"
            + " outcomes per CMOC; quotes %.0f words on average",
        shapes.size(),
        mean(shapes, Shape::cmocs),
        mean(shapes, Shape::evidence),
        mean(contextsPerCmoc, i -> i),
        mean(outcomesPerCmoc, i -> i),
        mean(quoteWords, i -> i));
  }

  private static <T> double mean(List<T> list, Function<T, Integer> f) {
    return list.stream().mapToInt(f::apply).average().orElse(0);
  }
}
