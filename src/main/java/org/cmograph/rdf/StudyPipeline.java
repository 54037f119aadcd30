package org.cmograph.rdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.cmograph.extraction.DocumentReader;
import org.cmograph.extraction.Extraction;
import org.cmograph.extraction.ExtractionValidator;
import org.cmograph.extraction.Position;
import org.cmograph.extraction.PositionedDocument;
import org.cmograph.extraction.Problem;
import org.cmograph.extraction.SourceLibrary;

/**
 * The whole check of extraction files, from bytes to conforming RDF: the extraction checks, then
 * conversion, then the SHACL shapes. A file is valid only if all three pass; the graphs are not
 * kept, so validating ten thousand studies needs no more memory than one.
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
  private final Shapes shapes;
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
    this.shapes = Shapes.parse(reference.shapes());
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
    ExtractionValidator.Report report = validator.validate(paths);
    List<Problem> problems = new ArrayList<>(report.problems());
    List<Extraction> valid = new ArrayList<>();
    for (Extraction x : report.valid()) {
      List<Problem> shapeProblems = conform(x, convert(x));
      problems.addAll(shapeProblems);
      if (shapeProblems.stream().noneMatch(Problem::isError)) {
        valid.add(x);
      }
    }
    problems.sort(Problem.BY_PLACE);
    return new Result(List.copyOf(problems), List.copyOf(valid), report.filesRead());
  }

  /** The study graph of a valid extraction. */
  public StudyGraphBuilder.StudyGraph convert(Extraction x) {
    return builder.build(x, facts(x));
  }

  private StudyGraphBuilder.FileFacts facts(Extraction x) {
    Path file = x.file().toAbsolutePath().normalize();
    String recorded =
        file.startsWith(home) ? home.relativize(file).toString() : file.toString();
    recorded = recorded.replace('\\', '/');
    if (x.source().file() == null) {
      return new StudyGraphBuilder.FileFacts(recorded, null, false);
    }
    Optional<Path> source = sources.locate(x.file(), x.source().file());
    try {
      String sha = source.isPresent() ? SourceLibrary.sha256(source.get()) : null;
      return new StudyGraphBuilder.FileFacts(recorded, sha, source.isPresent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SHACL conformance of one study graph; each result is placed at its subject's file node. */
  public List<Problem> conform(Extraction x, StudyGraphBuilder.StudyGraph sg) {
    ValidationReport report = ShaclValidator.get().validate(shapes, sg.graph());
    List<Problem> out = new ArrayList<>();
    if (report.conforms()) {
      return out;
    }
    // Rare: re-read the file for positions rather than keep every file's positions in memory.
    Optional<PositionedDocument> doc = new DocumentReader().read(x.file(), new ArrayList<>());
    for (ReportEntry entry : report.getEntries()) {
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
