package org.cmograph.exchange;

import static org.cmograph.exchange.Drafts.RESERVED;
import static org.cmograph.exchange.Drafts.abbreviateWords;
import static org.cmograph.exchange.Drafts.bool;
import static org.cmograph.exchange.Drafts.lines;
import static org.cmograph.exchange.Drafts.oneLine;
import static org.cmograph.exchange.Drafts.slug;
import static org.cmograph.exchange.Drafts.unique;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cmograph.extraction.Problem;
import org.cmograph.extraction.SheetLayout.Column;

/**
 * The study-level actors, contexts and outcomes a sheet's CMOC rows name: one id space, each part
 * taken once however many CMOCs name it, its cells required to agree.
 */
final class StudyParts {
  /** Marks, until the draft is made, an actor whose type the sheet did not name. */
  static final String GUESSED_TYPE = "\u0000guessed-type";

  final SheetRun run;
  final String studyId;

  /** Actors, contexts and outcomes by id: they share one id space. */
  final Map<String, Part> parts = new LinkedHashMap<>();

  final Set<String> reservedIds = new HashSet<>();

  StudyParts(SheetRun run, String studyId) {
    this.run = run;
    this.studyId = studyId;
  }

  List<Map<String, Object>> partsOf(String kind) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Part p : parts.values()) {
      if (p.kind.equals(kind)) {
        out.add(p.values);
      }
    }
    return out;
  }

  /** The CMOC's links to the study's contexts, each with the role the sheet gives it here. */
  List<Map<String, Object>> contextLinks(CmocRows g) {
    List<String> ids =
        parts(
            g,
            Column.CONTEXT,
            Column.CONTEXT_ID,
            "context",
            List.of(Column.CONTEXT_TYPE, Column.CONTEXT_CONCEPT));
    List<String> roles = lines(g.values.get(Column.CONTEXT_ROLE));
    if (roles.size() > lines(g.values.get(Column.CONTEXT)).size()) {
      run.problems.add(
          lineCount(
              g,
              Column.CONTEXT_ROLE,
              roles.size(),
              Column.CONTEXT,
              lines(g.values.get(Column.CONTEXT)).size()));
    }
    List<Map<String, Object>> out = new ArrayList<>();
    List<String> unroled = new ArrayList<>();
    List<String> descriptions = lines(g.values.get(Column.CONTEXT));
    for (int i = 0, k = 0; i < descriptions.size(); i++) {
      if (descriptions.get(i).isEmpty()) {
        continue;
      }
      String id = ids.get(k++);
      if (id == null) {
        continue;
      }
      String raw = i < roles.size() ? roles.get(i) : "";
      Map<String, Object> link = new LinkedHashMap<>();
      link.put("context", id);
      if (raw.isEmpty()) {
        unroled.add(id);
      } else {
        putEnum(
            link,
            "role",
            raw,
            run.vocab.contextRoles,
            g.rowOf.get(Column.CONTEXT_ROLE),
            Column.CONTEXT_ROLE);
      }
      if (out.stream().anyMatch(l -> id.equals(l.get("context")))) {
        continue; // one context named twice in one cell is one link
      }
      out.add(link);
    }
    if (!unroled.isEmpty() && run.columns.containsKey(Column.CONTEXT_ROLE)) {
      // A role is what the researcher read in the source; the import never guesses one.
      Integer row = g.rowOf.get(Column.CONTEXT_ROLE);
      run.problems.add(
          run.cellError(
              "IMPORT-MISSING-ROLE",
              row != null ? row : g.rowOf.get(Column.CONTEXT),
              run.col(Column.CONTEXT_ROLE),
              ": CMOC '"
                  + g.id
                  + "': no role for context"
                  + (unroled.size() == 1 ? " '" : "s '")
                  + String.join("', '", unroled)
                  + "' (column '"
                  + Column.CONTEXT_ROLE.header()
                  + "' needs one line per context: "
                  + String.join(", ", run.vocab.contextRoles)
                  + ")"));
    }
    return out;
  }

  /** The ids of the CMOC's outcomes, made study outcomes. */
  List<String> outcomeIds(CmocRows g) {
    List<String> out = new ArrayList<>();
    for (String id :
        parts(
            g,
            Column.OUTCOME,
            Column.OUTCOME_ID,
            "outcome",
            List.of(
                Column.OUTCOME_DIRECTION,
                Column.OUTCOME_LEVEL,
                Column.OUTCOME_INTENDED,
                Column.OUTCOME_FOR,
                Column.OUTCOME_CONCEPT))) {
      if (id != null && !out.contains(id)) {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * The study contexts or outcomes one CMOC's cells name: one per non-empty line of the description
   * cell, with aligned id and attribute lines. A part already named by another CMOC (same id, or no
   * id and the same description) is that part; its cells must agree. The ids, one per non-empty
   * description (null where the part could not be taken).
   */
  List<String> parts(
      CmocRows g, Column descriptionColumn, Column idColumn, String kind, List<Column> attributes) {
    List<String> descriptions = lines(g.values.get(descriptionColumn));
    List<String> ids = lines(g.values.get(idColumn));
    List<String> out = new ArrayList<>();
    if (!ids.isEmpty() && ids.size() != descriptions.size()) {
      run.problems.add(lineCount(g, idColumn, ids.size(), descriptionColumn, descriptions.size()));
    }
    for (Column a : attributes) {
      List<String> values = lines(g.values.get(a));
      if (values.size() > descriptions.size()) {
        run.problems.add(lineCount(g, a, values.size(), descriptionColumn, descriptions.size()));
      }
    }
    int row = g.rowOf.getOrDefault(descriptionColumn, g.first.number());
    for (int i = 0; i < descriptions.size(); i++) {
      String description = descriptions.get(i);
      if (description.isEmpty()) {
        continue;
      }
      Map<String, Object> values = new LinkedHashMap<>();
      for (Column a : attributes) {
        List<String> cells = lines(g.values.get(a));
        String raw = i < cells.size() ? cells.get(i) : "";
        if (raw.isEmpty()) {
          continue;
        }
        int at = g.rowOf.get(a);
        switch (a) {
          case CONTEXT_TYPE -> putEnum(values, "type", raw, run.vocab.contextTypes, at, a);
          case OUTCOME_DIRECTION -> putEnum(values, "direction", raw, run.vocab.directions, at, a);
          case OUTCOME_LEVEL -> putEnum(values, "level", raw, run.vocab.levels, at, a);
          case OUTCOME_INTENDED -> {
            Boolean b = bool(raw);
            if (b == null) {
              run.problems.add(run.badValue(at, a, raw, List.of("true", "false")));
            } else {
              values.put("intended", b);
            }
          }
          case OUTCOME_FOR -> values.put("for", actor(raw, at, a));
          case CONTEXT_CONCEPT, OUTCOME_CONCEPT -> values.put("concept", slug(raw));
          default -> throw new IllegalStateException(a.name());
        }
      }
      String given = i < ids.size() && !ids.get(i).isEmpty() ? slug(ids.get(i)) : null;
      out.add(part(kind, given, description, values, row, run.col(descriptionColumn), idColumn));
    }
    return out;
  }

  /** The id of the study part {@code kind} these cells name, adding it when it is new. */
  String part(
      String kind,
      String given,
      String description,
      Map<String, Object> attributes,
      int row,
      int column,
      Column idColumn) {
    String id = given;
    if (id == null) {
      for (Part p : parts.values()) {
        if (p.kind.equals(kind) && description.equals(p.values.get("description"))) {
          id = (String) p.values.get("id");
          break;
        }
      }
    }
    if (id != null && RESERVED.contains(id)) {
      run.problems.add(
          run.cellError(
              "IMPORT-BAD-VALUE",
              row,
              run.col(idColumn),
              ": '" + id + "' is a reserved word of 'about'; choose another " + kind + " id"));
      return null;
    }
    if (id == null) {
      String base = Slugs.brief(description, 4);
      Set<String> used = new HashSet<>(parts.keySet());
      used.addAll(reservedIds);
      id = unique(base.isEmpty() || RESERVED.contains(base) ? kind : base, used);
    }
    Part p = parts.get(id);
    if (p == null) {
      p = new Part(kind, row, column);
      p.values.put("id", id);
      p.values.put("description", description);
      p.values.putAll(attributes);
      parts.put(id, p);
      return id;
    }
    if (!p.kind.equals(kind)) {
      run.problems.add(
          run.cellError(
              "IMPORT-DUPLICATE-ID",
              row,
              run.col(idColumn),
              ": id '"
                  + id
                  + "' names "
                  + (p.kind.equals("actor") ? "an " : "a ")
                  + p.kind
                  + " in row "
                  + p.row
                  + " and "
                  + (kind.equals("actor") ? "an " : "a ")
                  + kind
                  + " here (the actors, contexts and outcomes of study '"
                  + studyId
                  + "' share one id space)"));
      return null;
    }
    Map<String, Object> mine = new LinkedHashMap<>(attributes);
    mine.put("description", description);
    for (Map.Entry<String, Object> e : mine.entrySet()) {
      Object had = p.values.get(e.getKey());
      if (had == null) {
        p.values.put(e.getKey(), e.getValue());
      } else if (!had.equals(e.getValue())) {
        run.problems.add(
            run.cellError(
                "IMPORT-CONFLICT",
                row,
                column,
                ": "
                    + kind
                    + " '"
                    + id
                    + "' has a different "
                    + e.getKey()
                    + " here than in row "
                    + p.row
                    + " ('"
                    + oneLine(abbreviateWords(e.getValue().toString(), 60))
                    + "', not '"
                    + oneLine(abbreviateWords(had.toString(), 60))
                    + "'); a "
                    + kind
                    + " is one condition of the study, shared by its CMOCs: describe it the same"
                    + " way on every row, or give it another id"));
      }
    }
    return id;
  }

  /**
   * The id of the actor a cell names ("peer workers", "service-users"), added to the study with the
   * actor type its words name; a type the words do not name is written 'other', reported, and
   * marked for checking.
   */
  String actor(String raw, int row, Column column) {
    String text = raw.strip();
    // "trial-participants (service-user)": an actor and its type, as the exporter writes them.
    String stated = null;
    java.util.regex.Matcher typed =
        java.util.regex.Pattern.compile("(.*\\S)\\s*\\(([^()]+)\\)").matcher(text);
    if (typed.matches() && FormatVocabulary.match(typed.group(2), run.vocab.actorTypes) != null) {
      text = typed.group(1).strip();
      stated = FormatVocabulary.match(typed.group(2), run.vocab.actorTypes);
    }
    String id = slug(text);
    Part p = parts.get(id);
    if (p != null && p.kind.equals("actor")) {
      if (stated != null && !stated.equals(p.values.get("type"))) {
        run.problems.add(
            run.cellError(
                "IMPORT-CONFLICT",
                row,
                run.col(column),
                ": actor '"
                    + id
                    + "' has type '"
                    + stated
                    + "' here and '"
                    + p.values.get("type")
                    + "' in row "
                    + p.row));
      }
      return id;
    }
    String type = stated != null ? stated : FormatVocabulary.match(text, run.vocab.actorTypes);
    if (type == null) {
      String first = text.split("[\\s-]+")[0];
      type = FormatVocabulary.match(first, run.vocab.actorTypes);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("type", type != null ? type : "other");
    if (type == null) {
      values.put(GUESSED_TYPE, Boolean.TRUE);
      run.problems.add(
          run.cellWarning(
              "IMPORT-ACTOR-TYPE",
              row,
              run.col(column),
              ": actor '"
                  + oneLine(text)
                  + "' names no actor type; wrote type 'other' (marked CHECK): set it to one"
                  + " of "
                  + String.join(", ", run.vocab.actorTypes)));
    }
    String description = Slugs.isSlug(text) ? text.replace('-', ' ') : text;
    String made = part("actor", id, description, values, row, run.col(column), column);
    return made == null ? id : made;
  }

  Problem lineCount(CmocRows g, Column column, int n, Column against, int m) {
    int row = g.rowOf.get(column);
    return run.cellError(
        "IMPORT-LINE-COUNT",
        row,
        run.col(column),
        ": "
            + n
            + " line(s) of '"
            + column.header()
            + "' for "
            + m
            + " line(s) of '"
            + against.header()
            + "'; give one line per "
            + against.header()
            + ", in the same order");
  }

  void putEnum(
      Map<String, Object> part, String key, String raw, List<String> allowed, int row, Column c) {
    String v = FormatVocabulary.match(raw, allowed);
    if (v == null) {
      run.problems.add(run.badValue(row, c, raw, allowed));
    } else {
      part.put(key, v);
    }
  }

  /** A study-level actor, context or outcome, with the row that first gave it. */
  private static final class Part {
    final String kind;
    final Map<String, Object> values = new LinkedHashMap<>();
    final int row;
    final int column;

    Part(String kind, int row, int column) {
      this.kind = kind;
      this.row = row;
      this.column = column;
    }
  }
}
