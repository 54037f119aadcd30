package org.cmograph.extraction;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * Validates extraction files: reads each with positions, checks it against the JSON Schema, then
 * the semantic checks, then the checks across files (duplicate study ids). Every problem of every
 * file is reported; nothing stops at the first.
 *
 * <pre>
 * ExtractionValidator v = new ExtractionValidator(catalogue, new SourceLibrary(null));
 * ExtractionValidator.Report r = v.validate(List.of(Path.of("data/studies")));
 * r.problems().forEach(p -&gt; System.out.println(p.format()));
 * </pre>
 */
public final class ExtractionValidator {
  private final DocumentReader reader = new DocumentReader();
  private final SchemaCheck schema = SchemaCheck.extraction();
  private final StudyChecks checks;

  public ExtractionValidator(ConceptCatalogue catalogue, SourceLibrary sources) {
    this.checks = new StudyChecks(catalogue, sources);
  }

  /** What validation found: every problem, and the extractions of files without errors. */
  public record Report(List<Problem> problems, List<Extraction> valid, int filesRead) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::isError);
    }

    public long errorCount() {
      return problems.stream().filter(Problem::isError).count();
    }
  }

  public Report validate(List<Path> paths) {
    List<Problem> problems = new ArrayList<>();
    List<Path> files = expand(paths, problems);
    List<Extraction> valid = new ArrayList<>();
    Map<String, Path> studyIds = new HashMap<>();
    for (Path file : files) {
      List<Problem> fileProblems = new ArrayList<>();
      Optional<Extraction> x = validateFile(file, fileProblems);
      if (x.isPresent() && x.get().study().id() != null) {
        Path first = studyIds.putIfAbsent(x.get().study().id(), file);
        if (first != null) {
          fileProblems.add(
              Problem.error(
                  file,
                  positionOfStudyId(file),
                  "DUPLICATE-STUDY",
                  "study id '" + x.get().study().id() + "' is already defined in " + first));
        }
      }
      problems.addAll(capped(file, fileProblems));
      if (x.isPresent() && fileProblems.stream().noneMatch(Problem::isError)) {
        valid.add(x.get());
      }
    }
    problems.sort(Problem.BY_PLACE);
    return new Report(List.copyOf(problems), List.copyOf(valid), files.size());
  }

  /** More problems than this in one file are cut short: the first ones are the ones to fix. */
  static final int MAX_PROBLEMS_PER_FILE = 100;

  /** A hostile file (100,000 duplicate keys) must not flood the terminal or the memory. */
  public static List<Problem> capped(Path file, List<Problem> fileProblems) {
    if (fileProblems.size() <= MAX_PROBLEMS_PER_FILE) {
      return fileProblems;
    }
    List<Problem> sorted = new ArrayList<>(fileProblems);
    sorted.sort(Problem.BY_PLACE);
    Problem next = sorted.get(MAX_PROBLEMS_PER_FILE);
    List<Problem> out = new ArrayList<>(sorted.subList(0, MAX_PROBLEMS_PER_FILE));
    out.add(
        Problem.error(
            file,
            new Position(next.line(), next.column()),
            "TOO-MANY-PROBLEMS",
            (sorted.size() - MAX_PROBLEMS_PER_FILE)
                + " more problem(s) in this file are not shown; fix the ones above first"));
    return out;
  }

  /** Validates one file; returns its extraction if it could be read at all. */
  public Optional<Extraction> validateFile(Path file, List<Problem> problems) {
    Optional<PositionedDocument> doc = reader.read(file, problems);
    if (doc.isEmpty()) {
      return Optional.empty();
    }
    Optional<Problem> firstFormat = FirstFormat.problem(doc.get());
    if (firstFormat.isPresent()) {
      problems.add(firstFormat.get());
      return Optional.empty();
    }
    List<Problem> schemaProblems = schema.check(doc.get());
    problems.addAll(schemaProblems);
    if (!doc.get().root().isObject()) {
      return Optional.empty();
    }
    Extraction x = ExtractionBinder.bind(doc.get(), doc.get().sha256());
    problems.addAll(checks.check(doc.get(), x));
    return Optional.of(x);
  }

  /** Rare (a duplicate study): re-reading beats keeping every file's positions in memory. */
  public Position positionOfStudyId(Path file) {
    return reader
        .read(file, new ArrayList<>())
        .map(d -> d.valueAt("/study/id"))
        .orElse(Position.START);
  }

  /** Files named directly, and extraction files found under folders (sources/ excluded). */
  public static List<Path> expand(List<Path> paths, List<Problem> problems) {
    TreeSet<Path> files = new TreeSet<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        problems.add(Problem.error(path, Position.START, "NOT-FOUND", "no such file or folder"));
      } else if (Files.isDirectory(path)) {
        walk(
            path,
            // Not only regular files: a broken link or a pipe named like a study is reported by
            // the reader, never skipped in silence (the study would be missing from the load).
            (file, attrs) ->
                !attrs.isDirectory()
                    && DocumentReader.isExtractionFile(file)
                    && !isTheoryFile(file)
                    && !SelectionValidator.isSelectionFile(file),
            files::add,
            problems);
      } else if (!isTheoryFile(path) && !SelectionValidator.isSelectionFile(path)) {
        files.add(path.normalize());
      }
    }
    return new ArrayList<>(files);
  }

  /**
   * The files of one kind (a programme theory, a selection log) among {@code paths}: files named
   * directly if {@code kind} accepts them, and extraction-format files {@code kind} accepts found
   * by {@link #walk} in folders, sorted. Unreadable files and link loops are left to the study walk
   * over the same folders, which reports them.
   */
  public static List<Path> filesOfKind(List<Path> paths, java.util.function.Predicate<Path> kind) {
    java.util.TreeSet<Path> found = new java.util.TreeSet<>();
    for (Path path : paths) {
      if (Files.isRegularFile(path)) {
        if (kind.test(path)) {
          found.add(path.normalize());
        }
      } else if (Files.isDirectory(path)) {
        walk(
            path,
            (f, attrs) ->
                attrs.isRegularFile() && kind.test(f) && DocumentReader.isExtractionFile(f),
            found::add,
            new ArrayList<>());
      }
    }
    return new ArrayList<>(found);
  }

  /**
   * Walks a folder for files to read: links followed (32 folders deep) as long as they stay inside
   * the folder, {@code sources/} and hidden folders below the root skipped; each wanted file,
   * normalised, goes to {@code found}; unreadable files, link loops and links that lead out of the
   * folder become problems.
   *
   * <p>A link out of the folder is refused before anything reads it: a link in {@code data/studies}
   * to a private key would otherwise be parsed, and the parser's message could quote the key's
   * first bytes. The problem names the link, never the target.
   */
  public static void walk(
      Path root,
      BiPredicate<Path, BasicFileAttributes> wanted,
      Consumer<Path> found,
      List<Problem> problems) {
    Path inside;
    try {
      inside = root.toRealPath();
    } catch (IOException e) {
      problems.add(Problem.error(root, Position.START, "UNREADABLE", "cannot read: " + e));
      return;
    }
    try {
      Files.walkFileTree(
          root,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          32,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              if (!dir.equals(root) && (name.equals("sources") || name.startsWith("."))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return leavesTheFolder(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (wanted.test(file, attrs) && !leavesTheFolder(file)) {
                found.accept(file.normalize());
              }
              return FileVisitResult.CONTINUE;
            }

            /**
             * Whether {@code path} is a link whose target lies outside the folder walked (a problem
             * then). Only links are resolved: anything else below a folder inside is inside too. A
             * broken link is left to the reader, which reports it.
             */
            private boolean leavesTheFolder(Path path) {
              if (path.equals(root) || !Files.isSymbolicLink(path)) {
                return false;
              }
              Path target;
              try {
                target = path.toRealPath();
              } catch (IOException e) {
                return false;
              }
              if (target.startsWith(inside)) {
                return false;
              }
              problems.add(
                  Problem.error(
                      path,
                      Position.START,
                      "SYMLINK-OUTSIDE",
                      "symbolic link leads outside the folder being read; it is not followed"
                          + " (copy what it names into the folder, or name it on the command"
                          + " line)"));
              return true;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              if (e instanceof FileSystemLoopException) {
                problems.add(
                    Problem.error(
                        file,
                        Position.START,
                        "SYMLINK-LOOP",
                        "symbolic link loops back to a parent folder; skipped"));
              } else {
                problems.add(
                    Problem.error(file, Position.START, "UNREADABLE", "cannot read: " + e));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      problems.add(Problem.error(root, Position.START, "UNREADABLE", "cannot read: " + e));
    }
  }

  /** The programme theory lives beside the studies but is not a study extraction. */
  public static boolean isTheoryFile(Path file) {
    return file.getFileName().toString().startsWith("programme-theory.");
  }
}
