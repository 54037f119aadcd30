package org.cmograph.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Turns a document tree into an {@link Extraction}. It is lenient on purpose: a value of the wrong
 * type becomes null (the schema check has already reported it), so the semantic checks can still
 * run and report everything else in the same pass.
 */
final class ExtractionBinder {
  private ExtractionBinder() {}

  static Extraction bind(PositionedDocument doc, String sha256) {
    JsonNode root = doc.root();
    JsonNode s = root.path("study");
    Extraction.Study study =
        new Extraction.Study(
            text(s, "id"),
            text(s, "title"),
            strings(s.path("authors")),
            integer(s, "year"),
            text(s, "journal"),
            text(s, "doi"),
            text(s, "trial_registration"),
            text(s, "design"),
            strings(s.path("countries")),
            text(s, "setting"),
            list(
                s.path("sample"),
                "/study/sample",
                (n, p) -> new Extraction.SampleGroup(text(n, "role"), integer(n, "n"))),
            integer(s, "sample_total"),
            text(s, "analysis"),
            s.path("appraisal").isObject()
                ? new Extraction.Appraisal(
                    text(s.path("appraisal"), "limitations"),
                    text(s.path("appraisal"), "relevance"),
                    text(s.path("appraisal"), "notes"))
                : null,
            list(
                s.path("related"),
                "/study/related",
                (n, p) ->
                    new Extraction.Related(
                        p, text(n, "study"), text(n, "relation"), text(n, "note"))));
    JsonNode src = root.path("source");
    Extraction.Source source =
        new Extraction.Source(text(src, "file"), text(src, "unavailable_reason"));
    JsonNode prog = root.path("programme");
    Extraction.Programme programme =
        prog.isObject()
            ? new Extraction.Programme(
                text(prog, "id"), text(prog, "name"), text(prog, "description"))
            : null;
    List<Extraction.Actor> actors =
        list(
            root.path("actors"),
            "/actors",
            (n, p) ->
                new Extraction.Actor(p, text(n, "id"), text(n, "description"), text(n, "type")));
    List<Extraction.Context> contexts =
        list(
            root.path("contexts"),
            "/contexts",
            (n, p) ->
                new Extraction.Context(
                    p, text(n, "id"), text(n, "description"), text(n, "type"), text(n, "concept")));
    List<Extraction.Outcome> outcomes =
        list(root.path("outcomes"), "/outcomes", ExtractionBinder::outcome);
    List<Extraction.Cmoc> cmocs = list(root.path("cmocs"), "/cmocs", ExtractionBinder::cmoc);
    List<Extraction.EvidenceItem> evidence =
        list(root.path("evidence"), "/evidence", ExtractionBinder::evidence);
    JsonNode ex = root.path("extraction");
    Extraction.ExtractionInfo info =
        new Extraction.ExtractionInfo(text(ex, "extractor"), text(ex, "date"), text(ex, "notes"));
    return new Extraction(
        doc.file(),
        sha256,
        study,
        source,
        programme,
        actors,
        contexts,
        outcomes,
        cmocs,
        evidence,
        info);
  }

  private static Extraction.Outcome outcome(JsonNode o, String p) {
    return new Extraction.Outcome(
        p,
        text(o, "id"),
        text(o, "description"),
        text(o, "direction"),
        text(o, "level"),
        o.path("intended").isBoolean() ? o.path("intended").booleanValue() : null,
        text(o, "for"),
        text(o, "concept"));
  }

  private static Extraction.Cmoc cmoc(JsonNode n, String p) {
    JsonNode m = n.path("mechanism");
    String mp = p + "/mechanism";
    Extraction.Mechanism mechanism =
        m.isObject()
            ? new Extraction.Mechanism(
                mp,
                text(m, "concept"),
                text(m, "wording"),
                text(m, "resource"),
                text(m, "reasoning"),
                strings(m.path("not_reported")))
            : null;
    return new Extraction.Cmoc(
        p,
        text(n, "id"),
        text(n, "label"),
        text(n, "statement"),
        text(n, "kind"),
        text(n, "strategy"),
        text(n, "actor"),
        list(
            n.path("contexts"),
            p + "/contexts",
            (c, cp) -> new Extraction.ContextLink(cp, text(c, "context"), text(c, "role"))),
        mechanism,
        strings(n.path("outcomes")),
        strings(n.path("leads_to")),
        list(
            n.path("theory_links"),
            p + "/theory_links",
            (t, tp) ->
                new Extraction.TheoryLink(
                    tp, text(t, "theory_cmoc"), text(t, "stance"), text(t, "rationale"))));
  }

  private static Extraction.EvidenceItem evidence(JsonNode n, String p) {
    return new Extraction.EvidenceItem(
        p,
        text(n, "id"),
        strings(n.path("cmocs")),
        text(n, "kind"),
        strings(n.path("about")),
        text(n, "quote"),
        text(n, "location"),
        integer(n, "page"),
        text(n, "speaker"),
        text(n, "perspective"),
        text(n, "stance"),
        text(n, "strength"),
        text(n, "inference"),
        text(n, "note"));
  }

  /** The objects of a JSON array, each bound with its JSON pointer; other elements skipped. */
  static <T> List<T> list(JsonNode array, String pointer, BiFunction<JsonNode, String, T> element) {
    List<T> out = new ArrayList<>();
    if (array.isArray()) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isObject()) {
          out.add(element.apply(array.get(i), PositionedDocument.child(pointer, i)));
        }
      }
    }
    return List.copyOf(out);
  }

  /** A field's text, or null when it is missing or not a string. */
  static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() ? v.textValue() : null;
  }

  private static Integer integer(JsonNode n, String field) {
    JsonNode v = n.path(field);
    // 2015.0 is a whole number to the schema too; 1e999999999 is not an int and stays out.
    return v.isNumber() && v.canConvertToExactIntegral() && v.canConvertToInt()
        ? v.intValue()
        : null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(v -> out.add(v.isTextual() ? v.textValue() : null));
    }
    return out.stream().filter(x -> x != null).toList();
  }
}
