package org.cmograph.exchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cmograph.extraction.ConceptLabels;
import org.cmograph.extraction.DocumentReader;
import org.cmograph.extraction.PositionedDocument;
import org.cmograph.extraction.Problem;
import org.cmograph.extraction.SchemaCheck;

/**
 * Turns a coded REFI-QDA project into a study draft, as a mapping file says
 * (schema/code-mapping.schema.json): the mapped codes become the parts of the study's CMOCs, and
 * every text segment coded with one becomes an evidence item whose quote is exactly that stretch of
 * the source text, located by its character positions. The source's plain text becomes the study's
 * registered source, so every quote is verbatim by construction.
 *
 * <pre>
 * QdpxImporter.Result r = new QdpxImporter(labels).read(project, Path.of("codes.yaml"), "smith-2023");
 * </pre>
 */
public final class QdpxImporter {
  public static final String MAPPING_SCHEMA = "schema/code-mapping.schema.json";

  /** The source text to register under data/sources/. */
  public record SourceFile(String name, String text) {}

  /** The draft (null when the import failed), its source text, and every problem found. */
  public record Result(StudyDraft draft, SourceFile source, List<Problem> problems) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::isError);
    }
  }

  private final ConceptLabels catalogue;
  private final FormatVocabulary vocab = FormatVocabulary.get();

  public QdpxImporter(ConceptLabels catalogue) {
    this.catalogue = catalogue;
  }

  /**
   * @param studyId the study named on the command line, or null to take the mapping's
   */
  public Result read(QdpxProject project, Path mappingFile, String studyId) {
    List<Problem> problems = new ArrayList<>();
    Optional<PositionedDocument> doc = new DocumentReader().read(mappingFile, problems);
    if (doc.isEmpty()) {
      return new Result(null, null, problems);
    }
    problems.addAll(new SchemaCheck(MAPPING_SCHEMA).check(doc.get()));
    if (problems.stream().anyMatch(Problem::isError)) {
      return new Result(null, null, problems);
    }
    return new QdpxRun(project, doc.get(), studyId, problems, catalogue, vocab).run();
  }

  /** Where a code points: a CMOC, and the part of it (null for the whole configuration). */
  record PartRef(int cmoc, String part) {}

  /** Values a segment's attribute codes (or the defaults) give its evidence item. */
  record Attributes(
      String kind,
      String speaker,
      String perspective,
      String stance,
      String strength,
      String location) {
    Attributes over(Attributes base) {
      return new Attributes(
          kind != null ? kind : base.kind,
          speaker != null ? speaker : base.speaker,
          perspective != null ? perspective : base.perspective,
          stance != null ? stance : base.stance,
          strength != null ? strength : base.strength,
          location != null ? location : base.location);
    }
  }
}
