package org.cmograph.extraction;

import static org.cmograph.extraction.ExtractionBinder.list;
import static org.cmograph.extraction.ExtractionBinder.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Binds the tree of a format 2 programme-theory file to {@link ProgrammeTheory}. */
final class TheoryBinder {
  private TheoryBinder() {}

  static ProgrammeTheory bind(PositionedDocument doc) {
    JsonNode root = doc.root();
    JsonNode t = root.path("theory");
    return new ProgrammeTheory(
        doc.file(),
        text(t, "id"),
        text(t, "title"),
        text(t, "description"),
        list(
            t.path("versions"),
            "/theory/versions",
            (v, vp) ->
                new ProgrammeTheory.Version(
                    vp,
                    text(v, "id"),
                    text(v, "date"),
                    strings(v.path("authors")),
                    text(v, "description"))),
        list(root.path("cmocs"), "/cmocs", TheoryBinder::cmoc));
  }

  private static ProgrammeTheory.TheoryCmoc cmoc(JsonNode n, String p) {
    JsonNode m = n.path("mechanism");
    ProgrammeTheory.Mechanism mechanism =
        m.isObject()
            ? new ProgrammeTheory.Mechanism(
                p + "/mechanism", text(m, "concept"), text(m, "resource"), text(m, "reasoning"))
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
                text(c, "explanation"))
            : null;
    return new ProgrammeTheory.TheoryCmoc(
        p,
        text(n, "id"),
        text(n, "label"),
        text(n, "statement"),
        text(n, "note"),
        text(n, "actor"),
        list(
            n.path("contexts"),
            p + "/contexts",
            (x, xp) ->
                new ProgrammeTheory.Context(
                    xp,
                    text(x, "id"),
                    text(x, "description"),
                    text(x, "concept"),
                    text(x, "type"),
                    text(x, "role"))),
        mechanism,
        list(
            n.path("outcomes"),
            p + "/outcomes",
            (x, xp) ->
                new ProgrammeTheory.Outcome(
                    xp,
                    text(x, "id"),
                    text(x, "description"),
                    text(x, "concept"),
                    text(x, "level"))),
        list(n.path("history"), p + "/history", TheoryBinder::change),
        strings(n.path("rival_of")),
        list(
            n.path("draws_on"),
            p + "/draws_on",
            (x, xp) ->
                new ProgrammeTheory.TheorySource(
                    xp,
                    text(x, "theory"),
                    text(x, "citation"),
                    text(x, "doi"),
                    text(x, "named_in"))),
        confidence);
  }

  private static ProgrammeTheory.Change change(JsonNode n, String p) {
    return new ProgrammeTheory.Change(
        p,
        text(n, "version"),
        text(n, "change"),
        strings(n.path("revises")),
        list(
            n.path("prompted_by"),
            p + "/prompted_by",
            (x, xp) ->
                new ProgrammeTheory.Prompt(
                    xp, text(x, "study"), text(x, "evidence"), text(x, "cmoc"))),
        text(n, "rationale"));
  }

  private static ProgrammeTheory.Component component(JsonNode n) {
    return n.isObject()
        ? new ProgrammeTheory.Component(text(n, "concern"), text(n, "explanation"))
        : null;
  }

  static List<String> strings(JsonNode array) {
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
