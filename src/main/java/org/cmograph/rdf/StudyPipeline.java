package org.cmograph.rdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.cmograph.extraction.DocumentReader;
import org.cmograph.extraction.Extraction;
import org.cmograph.extraction.ExtractionValidator;
import org.cmograph.extraction.Position;
import org.cmograph.extraction.PositionedDocument;
import org.cmograph.extraction.Problem;
import org.cmograph.extraction.QuoteAnchor;
import org.cmograph.extraction.SourceLibrary;
import org.cmograph.extraction.SourceText;
import org.cmograph.util.Futures;

/**
 * The whole check of extraction files, from bytes to conforming RDF: the extraction checks, then
 * conversion, then the SHACL shapes. A file is valid only if all three pass; the graphs are not
 * kept, so validating ten thousand studies needs no more memory than one. Files are checked on all
 * cores at once, a bounded number ahead of the caller, and handed on in file order ({@link
 * #stream}), so a load can write one study while the next ones are being checked.
 *
 * <pre>
 * StudyPipeline pipeline = new StudyPipeline(ReferenceData.load(Path.of("ontology")), null, home);
 * StudyPipeline.Result r = pipeline.validate(List.of(Path.of("data/studies")));
 * </pre>
 */
public final class StudyPipeline {
  private final ReferenceData reference;
  private final SourceLibrary sources;
  private final ExtractionValidator validator;
  private final StudyGraphBuilder builder;
  private final StudyShapes shapes;
  private final Entailment entailment;
  private final Path home;

  /**
   * @param sourcesFolder where source texts are, or null to look beside each extraction file
   * @param home the folder provenance paths are relative to (the repository root)
   */
  public StudyPipeline(ReferenceData reference, Path sourcesFolder, Path home) {
    this.reference = reference;
    this.sources = new SourceLibrary(sourcesFolder);
    this.validator = new ExtractionValidator(reference.concepts(), sources);
    this.builder = new StudyGraphBuilder(new Iris(), Version.current());
    this.shapes = new StudyShapes(reference.shapes());
    this.entailment = new Entailment(reference.ontology(), reference.catalogue());
    this.home = home.toAbsolutePath().normalize();
  }

  public ReferenceData reference() {
    return reference;
  }

  /** Problems of all files, and the extractions that passed every check. */
  public record Result(List<Problem> problems, List<Extraction> valid, int filesRead) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::isError);
    }

    public long errorCount() {
      return problems.stream().filter(Problem::isError).count();
    }

    public long warningCount() {
      return problems.size() - errorCount();
    }
  }

  public Result validate(List<Path> paths) {
    List<Extraction> valid = new ArrayList<>();
    Summary summary =
        stream(
            paths,
            checked -> {
              if (checked.valid()) {
                valid.add(checked.extraction());
              }
            });
    return new Result(summary.problems(), List.copyOf(valid), summary.filesRead());
  }

  /**
   * One file after every check: its problems and, when it has no error, its extraction and its
   * conforming study graph (converted once, for the check and for the load alike), and, when asked
   * for, what that graph entails ({@link Entailment}), worked out off the writing thread.
   */
  public record Checked(
      Path file,
      List<Problem> problems,
      Extraction extraction,
      StudyGraphBuilder.StudyGraph graph,
      Graph inferred) {
    public boolean valid() {
      return graph != null;
    }
  }

  /** What {@link #stream} found in all files: every problem, sorted by place. */
  public record Summary(List<Problem> problems, int filesRead, int validFiles) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::isError);
    }

    public long errorCount() {
      return problems.stream().filter(Problem::isError).count();
    }
  }

  /**
   * How many files are checked ahead of the caller, per core: enough to keep every core busy while
   * a load's writer puts a slice of studies into the secondary indexes (a few hundred milliseconds
   * without taking a file), and few enough to hold in memory (a checked file is ~0.2 MB).
   */
  private static final int AHEAD_PER_WORKER = 32;

  /**
   * Checks every extraction file under {@code paths} and hands each result to {@code sink} on the
   * calling thread, in file order, the checks across files (duplicate study ids) included. The
   * files are checked in parallel on all cores, at most a few per core ahead of {@code sink}, so
   * memory stays bounded however many files there are.
   */
  public Summary stream(List<Path> paths, Consumer<Checked> sink) {
    return stream(paths, false, sink);
  }

  /** As {@link #stream(List, Consumer)}; with {@code infer}, each valid file's entailments too. */
  public Summary stream(List<Path> paths, boolean infer, Consumer<Checked> sink) {
    List<Problem> problems = new ArrayList<>();
    List<Path> files = ExtractionValidator.expand(paths, problems);
    Map<String, Path> studyIds = new HashMap<>();
    int validFiles = 0;
    int workers = files.size() < 2 ? 0 : Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = workers == 0 ? null : Executors.newFixedThreadPool(workers, DAEMONS);
    try {
      ArrayDeque<Future<Checked>> ahead = new ArrayDeque<>();
      int submitted = 0;
      for (Path file : files) {
        Checked c;
        if (pool == null) {
          c = check(file, infer);
        } else {
          while (submitted < files.size() && ahead.size() < workers * AHEAD_PER_WORKER) {
            Path next = files.get(submitted++);
            ahead.add(pool.submit(() -> check(next, infer)));
          }
          c = result(ahead.poll());
        }
        String id = c.extraction() == null ? null : c.extraction().study().id();
        Path first = id == null ? null : studyIds.putIfAbsent(id, file);
        if (first != null) {
          List<Problem> withDuplicate = new ArrayList<>(c.problems());
          withDuplicate.add(
              Problem.error(
                  file,
                  validator.positionOfStudyId(file),
                  "DUPLICATE-STUDY",
                  "study id '" + id + "' is already defined in " + first));
          c = new Checked(file, withDuplicate, c.extraction(), null, null);
        }
        problems.addAll(ExtractionValidator.capped(file, c.problems()));
        if (c.valid()) {
          validFiles++;
        }
        sink.accept(c);
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    problems.sort(Problem.BY_PLACE);
    return new Summary(List.copyOf(problems), files.size(), validFiles);
  }

  private static Checked result(Future<Checked> future) {
    return Futures.await(future, "checking files");
  }

  private static final ThreadFactory DAEMONS =
      r -> {
        Thread t = new Thread(r, "cmograph-check");
        t.setDaemon(true);
        return t;
      };

  /** Every check of one file (thread-safe): extraction checks, conversion, SHACL shapes. */
  public Checked check(Path file) {
    return check(file, false);
  }

  private Checked check(Path file, boolean infer) {
    List<Problem> problems = new ArrayList<>();
    Optional<Extraction> x = validator.validateFile(file, problems);
    if (x.isEmpty() || problems.stream().anyMatch(Problem::isError)) {
      return new Checked(file, problems, x.orElse(null), null, null);
    }
    StudyGraphBuilder.StudyGraph sg = convert(x.get());
    List<Problem> shapeProblems = conform(x.get(), sg);
    problems.addAll(shapeProblems);
    if (shapeProblems.stream().anyMatch(Problem::isError)) {
      return new Checked(file, problems, x.get(), null, null);
    }
    return new Checked(file, problems, x.get(), sg, infer ? entailment.infer(sg.graph()) : null);
  }

  /** The study graph of a valid extraction. */
  public StudyGraphBuilder.StudyGraph convert(Extraction x) {
    return builder.build(x, facts(x));
  }

  private StudyGraphBuilder.FileFacts facts(Extraction x) {
    Path file = x.file().toAbsolutePath().normalize();
    String recorded = file.startsWith(home) ? home.relativize(file).toString() : file.toString();
    recorded = recorded.replace('\\', '/');
    if (x.source().file() == null) {
      return new StudyGraphBuilder.FileFacts(recorded, null, false);
    }
    Optional<Path> source = sources.locate(x.file(), x.source().file());
    try {
      if (source.isEmpty()) {
        return new StudyGraphBuilder.FileFacts(recorded, null, false);
      }
      String sha = sources.digest(source.get());
      SourceText text = sources.text(source.get());
      Map<String, QuoteAnchor> anchors = new HashMap<>();
      for (Extraction.EvidenceItem e : x.evidence()) {
        text.anchor(e.quote()).ifPresent(a -> anchors.put(e.id(), a));
      }
      return new StudyGraphBuilder.FileFacts(recorded, sha, true, anchors);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SHACL conformance of one study graph; each result is placed at its subject's file node. */
  public List<Problem> conform(Extraction x, StudyGraphBuilder.StudyGraph sg) {
    List<ReportEntry> entries = shapes.validate(sg.graph());
    List<Problem> out = new ArrayList<>();
    if (entries.isEmpty()) {
      return out;
    }
    // Rare: re-read the file for positions rather than keep every file's positions in memory.
    Optional<PositionedDocument> doc = new DocumentReader().read(x.file(), new ArrayList<>());
    for (ReportEntry entry : entries) {
      Node focus = entry.focusNode();
      String pointer = sg.pointers().getOrDefault(focus, "");
      Position at = doc.map(d -> d.valueAt(pointer)).orElse(Position.START);
      String path = entry.resultPath() == null ? "" : " " + entry.resultPath() + ":";
      String message = "SHACL" + path + " " + entry.message() + " (at <" + focus + ">)";
      out.add(
          entry.severity() == Severity.Violation
              ? Problem.error(x.file(), at, "SHAPE-VIOLATION", message)
              : Problem.warning(x.file(), at, "SHAPE-WARNING", message));
    }
    return out;
  }
}
