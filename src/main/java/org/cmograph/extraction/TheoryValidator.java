package org.cmograph.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cmograph.util.Suggest;

/**
 * Validates a programme-theory file (format 2) the way extraction files are validated: read with
 * positions, checked against {@code schema/programme-theory.schema.json}, then the checks a schema
 * cannot express (unique ids, catalogue concepts, consistent reuse of context and outcome ids, real
 * dates, and each configuration's history: known versions, revisions of earlier configurations
 * only, prompts that name evidence of the studies loaded with it, rivals that exist). Every problem
 * carries file, line and column. A first-format file gets one error naming {@code cmograph
 * migrate}.
 *
 * <pre>
 * TheoryValidator v = new TheoryValidator(catalogue);
 * List&lt;Problem&gt; problems = new ArrayList&lt;&gt;();
 * Optional&lt;ProgrammeTheory&gt; theory =
 *     v.validate(Path.of("data/programme-theory.yaml"), TheoryValidator.Studies.of(extractions), problems);
 * </pre>
 */
public final class TheoryValidator {
  /** The programme-theory schema, on the classpath. */
  public static final String THEORY_SCHEMA = "schema/programme-theory.schema.json";

  private final DocumentReader reader = new DocumentReader();
  private final SchemaCheck schema = new SchemaCheck(THEORY_SCHEMA);
  private final ConceptCatalogue catalogue;

  public TheoryValidator(ConceptCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /**
   * The studies validated alongside the theory, as far as {@code prompted_by} can name them: the
   * ids of each study's evidence items and configurations.
   */
  public record Studies(Map<String, Set<String>> evidence, Map<String, Set<String>> cmocs) {
    public static Studies of(List<Extraction> extractions) {
      Map<String, Set<String>> evidence = new TreeMap<>();
      Map<String, Set<String>> cmocs = new TreeMap<>();
      for (Extraction x : extractions) {
        Set<String> e = evidence.computeIfAbsent(x.study().id(), k -> new TreeSet<>());
        x.evidence().forEach(i -> e.add(i.id()));
        Set<String> c = cmocs.computeIfAbsent(x.study().id(), k -> new TreeSet<>());
        x.cmocs().forEach(i -> c.add(i.id()));
      }
      return new Studies(evidence, cmocs);
    }

    Set<String> ids() {
      return evidence.keySet();
    }
  }

  /**
   * Validates one theory file; returns the theory if it could be read, whether or not it has
   * problems (the caller decides by looking for errors in {@code problems}).
   *
   * @param studies the studies validated alongside, for {@code prompted_by}; null skips that check
   */
  public Optional<ProgrammeTheory> validate(Path file, Studies studies, List<Problem> problems) {
    Optional<PositionedDocument> doc = reader.read(file, problems);
    if (doc.isEmpty()) {
      return Optional.empty();
    }
    JsonNode root = doc.get().root();
    if (isFirstFormat(root)) {
      problems.add(
          Problem.error(
              file,
              Position.START,
              "FIRST-FORMAT",
              "this programme theory is in the first format (not 'format: 2'); convert it with"
                  + " 'cmograph migrate "
                  + file
                  + "' and review the lines it marks '# CHECK'"));
      return Optional.empty();
    }
    for (Problem p : schema.check(doc.get())) {
      if (!isOverrideKey(p)) {
        problems.add(p);
      }
    }
    if (!root.isObject()) {
      return Optional.empty();
    }
    ProgrammeTheory theory = TheoryBinder.bind(doc.get());
    check(doc.get(), root, theory, studies, problems);
    return Optional.of(theory);
  }

  /** A theory file without {@code format: 2}: the first format, which had version labels. */
  public static boolean isFirstFormat(JsonNode root) {
    if (!root.isObject() || !root.has("theory")) {
      return false;
    }
    JsonNode format = root.path("format");
    return format.isMissingNode() || (format.isIntegralNumber() && format.intValue() == 1);
  }

  private static boolean isOverrideKey(Problem p) {
    return p.code().equals("UNKNOWN-KEY")
        && p.message().startsWith("unknown key 'override' in cmocs[");
  }

  private void check(
      PositionedDocument doc,
      JsonNode root,
      ProgrammeTheory t,
      Studies studies,
      List<Problem> out) {
    Path file = doc.file();
    Map<String, Integer> versions = new HashMap<>();
    for (int i = 0; i < t.versions().size(); i++) {
      ProgrammeTheory.Version v = t.versions().get(i);
      realDate(doc, v.pointer() + "/date", v.date(), out);
      if (v.id() != null && versions.putIfAbsent(v.id(), i) != null) {
        out.add(
            Problem.error(
                file,
                doc.valueAt(v.pointer() + "/id"),
                "DUPLICATE-ID",
                "version id '" + v.id() + "' is used twice in theory.versions"));
      }
    }
    Map<String, ProgrammeTheory.TheoryCmoc> ids = new HashMap<>();
    for (ProgrammeTheory.TheoryCmoc c : t.cmocs()) {
      if (c.id() != null && ids.putIfAbsent(c.id(), c) != null) {
        out.add(
            Problem.error(
                file,
                doc.valueAt(c.pointer() + "/id"),
                "DUPLICATE-ID",
                "theory CMOC id '" + c.id() + "' is used twice in this theory"));
      }
    }
    new SharedParts(doc, catalogue).check(t, out);
    for (ProgrammeTheory.TheoryCmoc c : t.cmocs()) {
      if (!root.at(c.pointer() + "/confidence/override").isMissingNode()) {
        out.add(
            Problem.error(
                file,
                doc.keyAt(c.pointer() + "/confidence/override"),
                "OVERRIDE-REFUSED",
                "GRADE-CERQual has no override: the overall confidence is the team's judgement;"
                    + " record a disagreement with the computed indicators in the component it is"
                    + " about (its concern and explanation)"));
      }
      new HistoryChecks(doc, versions, ids, studies).check(c, out);
      for (int i = 0; i < c.rivalOf().size(); i++) {
        String rival = c.rivalOf().get(i);
        String at = c.pointer() + "/rival_of/" + i;
        if (rival.equals(c.id())) {
          out.add(
              Problem.error(
                  file,
                  doc.valueAt(at),
                  "RIVAL-OF-ITSELF",
                  "'"
                      + rival
                      + "' cannot be a rival of itself; rival_of names the theory CMOCs"
                      + " that explain the same outcome pattern differently"));
        } else if (!ids.containsKey(rival)) {
          out.add(unknownCmoc(doc, at, "rival_of", rival, ids.keySet()));
        }
      }
    }
  }

  static Problem unknownCmoc(
      PositionedDocument doc, String pointer, String field, String id, Set<String> known) {
    return Problem.error(
        doc.file(),
        doc.valueAt(pointer),
        "UNKNOWN-THEORY-CMOC",
        field
            + " names '"
            + id
            + "', which this theory does not define"
            + Suggest.didYouMean(id, known));
  }

  private static void realDate(
      PositionedDocument doc, String pointer, String date, List<Problem> out) {
    if (date != null && date.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      try {
        LocalDate.parse(date);
      } catch (DateTimeParseException e) {
        out.add(
            Problem.error(
                doc.file(),
                doc.valueAt(pointer),
                "BAD-DATE",
                PositionedDocument.display(pointer)
                    + ": '"
                    + date
                    + "' is not a real calendar date"));
      }
    }
  }

  /** The ids in {@code known}, for messages. */
  static List<String> sorted(Set<String> known) {
    return new ArrayList<>(new TreeSet<>(known));
  }
}
