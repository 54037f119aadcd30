package org.cmograph.extraction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The checks on a theory's contexts, mechanisms and outcomes: catalogue concepts that exist, and
 * context and outcome ids that, reused across configurations, name the same thing (a context's role
 * may differ: it belongs to the link with one configuration).
 */
final class SharedParts {
  private final PositionedDocument doc;
  private final ConceptCatalogue catalogue;

  SharedParts(PositionedDocument doc, ConceptCatalogue catalogue) {
    this.doc = doc;
    this.catalogue = catalogue;
  }

  void check(ProgrammeTheory t, List<Problem> out) {
    Map<String, ProgrammeTheory.Context> contexts = new HashMap<>();
    Map<String, ProgrammeTheory.Outcome> outcomes = new HashMap<>();
    for (ProgrammeTheory.TheoryCmoc c : t.cmocs()) {
      ProgrammeTheory.Mechanism m = c.mechanism();
      if (m != null) {
        catalogue
            .unknownConcept(doc.file(), doc.valueAt(m.pointer() + "/concept"), m.concept())
            .ifPresent(out::add);
      }
      for (ProgrammeTheory.Context ctx : c.contexts()) {
        catalogue
            .unknownConcept(
                doc.file(),
                doc.valueAt(ctx.pointer() + "/concept"),
                ctx.concept(),
                ConceptCatalogue.Scheme.CONTEXT)
            .ifPresent(out::add);
        if (ctx.id() == null) {
          continue;
        }
        if (outcomes.containsKey(ctx.id())) {
          out.add(sharedId(ctx.pointer(), ctx.id(), "an outcome"));
        }
        ProgrammeTheory.Context first = contexts.putIfAbsent(ctx.id(), ctx);
        if (first != null
            && !(Objects.equals(first.description(), ctx.description())
                && Objects.equals(first.type(), ctx.type())
                && Objects.equals(first.concept(), ctx.concept()))) {
          out.add(
              conflict(ctx.pointer(), "context", ctx.id(), first.pointer(), "type and concept"));
        }
      }
      for (ProgrammeTheory.Outcome o : c.outcomes()) {
        catalogue
            .unknownConcept(
                doc.file(),
                doc.valueAt(o.pointer() + "/concept"),
                o.concept(),
                ConceptCatalogue.Scheme.OUTCOME)
            .ifPresent(out::add);
        if (o.id() == null) {
          continue;
        }
        if (contexts.containsKey(o.id())) {
          out.add(sharedId(o.pointer(), o.id(), "a context"));
        }
        ProgrammeTheory.Outcome first = outcomes.putIfAbsent(o.id(), o);
        if (first != null
            && !(Objects.equals(first.description(), o.description())
                && Objects.equals(first.level(), o.level())
                && Objects.equals(first.concept(), o.concept()))) {
          out.add(conflict(o.pointer(), "outcome", o.id(), first.pointer(), "level and concept"));
        }
      }
    }
  }

  private Problem sharedId(String pointer, String id, String other) {
    return Problem.error(
        doc.file(),
        doc.valueAt(pointer + "/id"),
        "DUPLICATE-ID",
        "'"
            + id
            + "' is already the id of "
            + other
            + " (contexts and outcomes share one id space)");
  }

  private Problem conflict(
      String pointer, String kind, String id, String firstPointer, String what) {
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
            + " (same description, "
            + what
            + ")");
  }
}
