package org.cmograph.extraction;

import static org.cmograph.extraction.ExtractionBinder.list;
import static org.cmograph.extraction.ExtractionBinder.text;

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

/**
 * Validates a programme-theory file the way extraction files are validated: read with positions,
 * checked against {@code schema/programme-theory.schema.json}, then the checks a schema cannot
 * express (unique ids, catalogue concepts, consistent reuse of context and outcome ids, studies
 * that exist, real dates). Every problem carries file, line and column.
 *
 * <pre>
 * TheoryValidator v = new TheoryValidator(catalogue);
 * List&lt;Problem&gt; problems = new ArrayList&lt;&gt;();
 * Optional&lt;ProgrammeTheory&gt; theory = v.validate(Path.of("data/programme-theory.yaml"), studyIds, problems);
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
   * Validates one theory file; returns the theory if it could be read, whether or not it has
   * problems (the caller decides by looking for errors in {@code problems}).
   *
   * @param studyIds ids of the studies validated alongside, for {@code derived_from}; null skips
   *     that check
   */
  public Optional<ProgrammeTheory> validate(
      Path file, Set<String> studyIds, List<Problem> problems) {
    Optional<PositionedDocument> doc = reader.read(file, problems);
    if (doc.isEmpty()) {
      return Optional.empty();
    }
    problems.addAll(schema.check(doc.get()));
    if (!doc.get().root().isObject()) {
      return Optional.empty();
    }
    ProgrammeTheory theory = bind(doc.get());
    check(doc.get(), theory, studyIds, problems);
    return Optional.of(theory);
  }

  private void check(
      PositionedDocument doc, ProgrammeTheory t, Set<String> studyIds, List<Problem> out) {
    Path file = doc.file();
    if (t.date() != null && t.date().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      try {
        LocalDate.parse(t.date());
      } catch (DateTimeParseException e) {
        out.add(
            Problem.error(
                file,
                doc.valueAt("/theory/date"),
                "BAD-DATE",
                "theory.date: '" + t.date() + "' is not a real calendar date"));
      }
    }
    Map<String, ProgrammeTheory.TheoryCmoc> ids = new HashMap<>();
    Map<String, ProgrammeTheory.Context> contexts = new HashMap<>();
    Map<String, ProgrammeTheory.Outcome> outcomes = new HashMap<>();
    for (ProgrammeTheory.TheoryCmoc c : t.cmocs()) {
      if (c.id() != null && ids.putIfAbsent(c.id(), c) != null) {
        out.add(
            Problem.error(
                file,
                doc.valueAt(c.pointer() + "/id"),
                "DUPLICATE-ID",
                "theory CMOC id '" + c.id() + "' is used twice in this theory"));
      }
      ProgrammeTheory.Mechanism m = c.mechanism();
      if (m != null) {
        catalogue
            .unknownConcept(file, doc.valueAt(m.pointer() + "/concept"), m.concept())
            .ifPresent(out::add);
      }
      if (studyIds != null) {
        for (int i = 0; i < c.derivedFrom().size(); i++) {
          String study = c.derivedFrom().get(i);
          if (!studyIds.contains(study)) {
            out.add(
                Problem.error(
                    file,
                    doc.valueAt(c.pointer() + "/derived_from/" + i),
                    "UNKNOWN-STUDY",
                    "derived_from names study '"
                        + study
                        + "', which is not among the validated studies"
                        + Suggest.didYouMean(study, studyIds)));
          }
        }
      }
      for (ProgrammeTheory.Context ctx : c.contexts()) {
        if (ctx.id() == null) {
          continue;
        }
        if (outcomes.containsKey(ctx.id())) {
          out.add(sharedIdProblem(doc, ctx.pointer(), ctx.id(), "an outcome"));
        }
        ProgrammeTheory.Context first = contexts.putIfAbsent(ctx.id(), ctx);
        if (first != null && !sameContext(first, ctx)) {
          out.add(conflict(doc, ctx.pointer(), "context", ctx.id(), first.pointer()));
        }
      }
      for (ProgrammeTheory.Outcome o : c.outcomes()) {
        if (o.id() == null) {
          continue;
        }
        if (contexts.containsKey(o.id())) {
          out.add(sharedIdProblem(doc, o.pointer(), o.id(), "a context"));
        }
        ProgrammeTheory.Outcome first = outcomes.putIfAbsent(o.id(), o);
        if (first != null
            && !(eq(first.description(), o.description()) && eq(first.level(), o.level()))) {
          out.add(conflict(doc, o.pointer(), "outcome", o.id(), first.pointer()));
        }
      }
      ProgrammeTheory.Confidence conf = c.confidence();
      if (conf != null && conf.override() != null && eq(conf.override().overall(), conf.overall())) {
        out.add(
            Problem.warning(
                file,
                doc.valueAt(conf.pointer() + "/override/overall"),
                "OVERRIDE-UNCHANGED",
                "the override repeats the overall confidence '"
                    + conf.overall()
                    + "'; an override records a departure from it"));
      }
    }
  }

  private static boolean sameContext(ProgrammeTheory.Context a, ProgrammeTheory.Context b) {
    return eq(a.description(), b.description())
        && eq(a.type(), b.type())
        && eq(role(a.role()), role(b.role()));
  }

  private static String role(String r) {
    return r == null ? "enabling" : r;
  }

  private static boolean eq(Object a, Object b) {
    return a == null ? b == null : a.equals(b);
  }

  private static Problem sharedIdProblem(
      PositionedDocument doc, String pointer, String id, String other) {
    return Problem.error(
        doc.file(),
        doc.valueAt(pointer + "/id"),
        "DUPLICATE-ID",
        "'" + id + "' is already the id of " + other + " (contexts and outcomes share one id space)");
  }

  private static Problem conflict(
      PositionedDocument doc, String pointer, String kind, String id, String firstPointer) {
    return Problem.error(
        doc.file(),
        doc.valueAt(pointer + "/id"),
        "CONFLICTING-DEFINITION",
        kind
            + " '"
            + id
            + "' is described differently at line "
            + doc.valueAt(firstPointer).line()
            + "; reuse an id only for the same "
            + kind
            + " (same description, type and role)");
  }

  static ProgrammeTheory bind(PositionedDocument doc) {
    JsonNode root = doc.root();
    JsonNode t = root.path("theory");
    return new ProgrammeTheory(
        doc.file(),
        text(t, "id"),
        text(t, "title"),
        text(t, "description"),
        text(t, "version"),
        text(t, "date"),
        strings(t.path("authors")),
        text(t, "note"),
        list(root.path("cmocs"), "/cmocs", TheoryValidator::cmoc));
  }

  private static ProgrammeTheory.TheoryCmoc cmoc(JsonNode n, String p) {
    JsonNode m = n.path("mechanism");
    ProgrammeTheory.Mechanism mechanism =
        m.isObject()
            ? new ProgrammeTheory.Mechanism(
                p + "/mechanism", text(m, "concept"), text(m, "resource"), text(m, "response"))
            : null;
    JsonNode c = n.path("confidence");
    ProgrammeTheory.Confidence confidence =
        c.isObject()
            ? new ProgrammeTheory.Confidence(
                p + "/confidence",
                component(c.path("methodological_limitations")),
                component(c.path("coherence")),
                component(c.path("adequacy")),
                component(c.path("relevance")),
                text(c, "overall"),
                text(c, "explanation"),
                c.path("override").isObject()
                    ? new ProgrammeTheory.Override(
                        text(c.path("override"), "overall"),
                        text(c.path("override"), "justification"))
                    : null)
            : null;
    return new ProgrammeTheory.TheoryCmoc(
        p,
        text(n, "id"),
        text(n, "label"),
        text(n, "statement"),
        text(n, "version"),
        strings(n.path("derived_from")),
        text(n, "note"),
        list(
            n.path("contexts"),
            p + "/contexts",
            (x, xp) ->
                new ProgrammeTheory.Context(
                    xp, text(x, "id"), text(x, "description"), text(x, "type"), text(x, "role"))),
        mechanism,
        list(
            n.path("outcomes"),
            p + "/outcomes",
            (x, xp) ->
                new ProgrammeTheory.Outcome(
                    xp, text(x, "id"), text(x, "description"), text(x, "level"))),
        confidence);
  }

  private static ProgrammeTheory.Component component(JsonNode n) {
    return n.isObject() ? new ProgrammeTheory.Component(text(n, "concern"), text(n, "explanation")) : null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(
          v -> {
            if (v.isTextual()) {
              out.add(v.textValue());
            }
          });
    }
    return List.copyOf(out);
  }
}
