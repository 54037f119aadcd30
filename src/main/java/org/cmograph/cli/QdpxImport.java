package org.cmograph.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cmograph.exchange.QdpxImporter;
import org.cmograph.exchange.QdpxProject;
import org.cmograph.exchange.StudyDraft;
import org.cmograph.extraction.ConceptLabels;
import org.cmograph.extraction.Position;
import org.cmograph.extraction.Problem;

/**
 * The .qdpx branch of {@code cmograph import}: project + code mapping → one study draft and its
 * source text.
 */
final class QdpxImport {
  private QdpxImport() {}

  /** A source text to register, and where. */
  record PendingSource(Path target, String text) {}

  static Optional<StudyDraft> read(
      Path file,
      Path codes,
      Set<String> wanted,
      ConceptLabels labels,
      Path sourcesDir,
      boolean force,
      List<Problem> problems,
      List<PendingSource> pending) {
    if (codes == null) {
      problems.add(
          Problem.error(
              file,
              Position.START,
              "QDPX-NO-MAPPING",
              "a .qdpx import needs --codes MAPPING.yaml, saying which codes are which contexts,"
                  + " mechanisms and outcomes (see docs/extraction-guide.md)"));
      return Optional.empty();
    }
    if (wanted.size() > 1) {
      problems.add(
          Problem.error(
              file,
              Position.START,
              "QDPX-STUDY",
              "a .qdpx project is imported as one study; give one --study"));
      return Optional.empty();
    }
    Optional<QdpxProject> project = QdpxProject.read(file, problems);
    if (project.isEmpty()) {
      return Optional.empty();
    }
    QdpxImporter.Result r =
        new QdpxImporter(labels)
            .read(project.get(), codes, wanted.isEmpty() ? null : wanted.iterator().next());
    problems.addAll(r.problems());
    if (r.draft() == null) {
      return Optional.empty();
    }
    Path target = sourcesDir.resolve(r.source().name());
    try {
      if (Files.exists(target)
          && !Files.readString(target, StandardCharsets.UTF_8).equals(r.source().text())
          && !force) {
        problems.add(
            Problem.error(
                target,
                Position.START,
                "QDPX-SOURCE-EXISTS",
                "a different text is already registered under this name; add --force to replace it"
                    + " (quotes of other studies that use it are then checked against the new"
                    + " text)"));
        return Optional.empty();
      }
    } catch (IOException e) {
      problems.add(
          Problem.error(target, Position.START, "UNREADABLE", "cannot read: " + e.getMessage()));
      return Optional.empty();
    }
    pending.add(new PendingSource(target, r.source().text()));
    return Optional.of(r.draft());
  }
}
