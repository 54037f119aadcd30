package org.cmograph.exchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cmograph.extraction.Extraction.Cmoc;
import org.cmograph.extraction.Extraction.EvidenceItem;
import org.cmograph.extraction.Problem;

/** The coded text segments of the project's source, each one evidence item quoted verbatim. */
final class QdpxSegments {
  final QdpxRun run;

  QdpxSegments(QdpxRun run) {
    this.run = run;
  }

  /** The one text source whose segments carry mapped codes. */
  QdpxProject.TextSource source() {
    List<QdpxProject.TextSource> coded = new ArrayList<>();
    for (QdpxProject.TextSource s : run.project.sources()) {
      if (s.selections().stream()
          .anyMatch(sel -> sel.codeGuids().stream().anyMatch(run.partsByCode::containsKey))) {
        coded.add(s);
      }
    }
    if (run.root.hasNonNull("source")) {
      String wanted = run.root.get("source").asText();
      for (QdpxProject.TextSource s : run.project.sources()) {
        if (wanted.equalsIgnoreCase(s.name()) || wanted.equalsIgnoreCase(s.guid())) {
          return withText(s);
        }
      }
      run.problems.add(
          run.error(
              "/source",
              "QDPX-NO-SEGMENTS",
              "the project has no source '"
                  + wanted
                  + "' (its sources: "
                  + String.join(
                      ", ",
                      run.project.sources().stream().map(QdpxProject.TextSource::name).toList())
                  + ")"));
      return null;
    }
    if (coded.isEmpty()) {
      if (!run.problems.stream().anyMatch(Problem::isError)) {
        run.problems.add(
            run.error(
                "/cmocs",
                "QDPX-NO-SEGMENTS",
                "no text segment of the project is coded with a code the mapping names"));
      }
      return null;
    }
    if (coded.size() > 1) {
      run.problems.add(
          run.error(
              "",
              "QDPX-MANY-SOURCES",
              "segments of "
                  + coded.size()
                  + " sources carry mapped codes ("
                  + String.join(", ", coded.stream().map(QdpxProject.TextSource::name).toList())
                  + "); a study registers one source text: name it with 'source:' in the"
                  + " mapping"));
      return null;
    }
    return withText(coded.get(0));
  }

  QdpxProject.TextSource withText(QdpxProject.TextSource s) {
    if (s.text() == null) {
      run.problems.add(
          Problem.error(
              run.project.file().resolve(QdpxProject.PROJECT_ENTRY),
              s.at(),
              "QDPX-MISSING-SOURCE",
              "source '"
                  + s.name()
                  + "' has no plain text in the project, so no quote can be taken from it"));
      return null;
    }
    return s;
  }

  List<EvidenceItem> evidence(
      QdpxProject.TextSource source, List<Cmoc> cmocs, QdpxImporter.Attributes defaults) {
    List<QdpxProject.Selection> selections = new ArrayList<>(source.selections());
    selections.sort(
        Comparator.comparingInt(QdpxProject.Selection::start)
            .thenComparingInt(QdpxProject.Selection::end)
            .thenComparing(s -> String.valueOf(s.guid())));
    String text = source.text();
    int length = text.codePointCount(0, text.length());
    List<EvidenceItem> out = new ArrayList<>();
    Path qde = run.project.file().resolve(QdpxProject.PROJECT_ENTRY);
    for (QdpxProject.Selection sel : selections) {
      TreeMap<Integer, Set<String>> aboutByCmoc = new TreeMap<>();
      QdpxImporter.Attributes own = new QdpxImporter.Attributes(null, null, null, null, null, null);
      for (String guid : sel.codeGuids()) {
        for (QdpxImporter.PartRef ref : run.partsByCode.getOrDefault(guid, List.of())) {
          Set<String> about = aboutByCmoc.computeIfAbsent(ref.cmoc(), k -> new LinkedHashSet<>());
          if (ref.part() != null) {
            about.add(ref.part());
          }
        }
        QdpxImporter.Attributes a = run.attributesByCode.get(guid);
        if (a != null) {
          own = own.over(a);
        }
      }
      if (aboutByCmoc.isEmpty()) {
        continue;
      }
      if (sel.end() <= sel.start() || sel.end() > length) {
        run.problems.add(
            Problem.error(
                qde,
                sel.at(),
                "QDPX-BAD-POSITION",
                "selection '"
                    + sel.guid()
                    + "' spans characters "
                    + sel.start()
                    + "-"
                    + sel.end()
                    + ", outside the "
                    + length
                    + " characters of source '"
                    + source.name()
                    + "'"));
        continue;
      }
      String quote =
          text.substring(
                  text.offsetByCodePoints(0, sel.start()), text.offsetByCodePoints(0, sel.end()))
              .strip();
      if (quote.isEmpty()) {
        run.problems.add(
            Problem.warning(
                qde,
                sel.at(),
                "QDPX-BAD-POSITION",
                "selection '" + sel.guid() + "' holds only white space; skipped"));
        continue;
      }
      QdpxImporter.Attributes a = own.over(defaults);
      String perspective = a.perspective();
      String speaker =
          a.speaker() != null ? a.speaker() : perspective != null ? "participant" : "authors";
      String location =
          (a.location() == null ? "" : a.location() + ", ")
              + "characters "
              + sel.start()
              + "-"
              + sel.end();
      // One passage is one evidence item, however many configurations it bears on.
      List<String> targets = new ArrayList<>();
      Set<String> about = new LinkedHashSet<>();
      for (Map.Entry<Integer, Set<String>> e : aboutByCmoc.entrySet()) {
        targets.add(cmocs.get(e.getKey()).id());
        about.addAll(e.getValue());
      }
      String kind = a.kind() != null ? a.kind() : EvidenceItem.FINDING;
      String stance =
          a.stance() != null || EvidenceItem.FINDING.equals(kind)
              ? (a.stance() != null ? a.stance() : "supports")
              : null;
      out.add(
          new EvidenceItem(
              null,
              run.cmocCodes.draft.newEvidenceId(),
              List.copyOf(targets),
              kind,
              about.isEmpty() ? null : List.copyOf(about),
              quote,
              location,
              null,
              speaker,
              perspective,
              stance,
              a.strength(),
              null,
              sel.description() != null && !sel.description().isEmpty()
                  ? sel.description()
                  : null));
    }
    if (out.isEmpty()) {
      run.problems.add(
          run.error(
              "/cmocs",
              "QDPX-NO-SEGMENTS",
              "no text segment is coded with a code the mapping names"));
    }
    return out;
  }
}
