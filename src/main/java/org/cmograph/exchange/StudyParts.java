package org.cmograph.exchange;

import static org.cmograph.exchange.Drafts.RESERVED;
import static org.cmograph.exchange.Drafts.abbreviateWords;
import static org.cmograph.exchange.Drafts.bool;
import static org.cmograph.exchange.Drafts.lines;
import static org.cmograph.exchange.Drafts.oneLine;
import static org.cmograph.exchange.Drafts.slug;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cmograph.extraction.Extraction.Actor;
import org.cmograph.extraction.Extraction.Context;
import org.cmograph.extraction.Extraction.ContextLink;
import org.cmograph.extraction.Extraction.Outcome;
import org.cmograph.extraction.Extraction.Part;
import org.cmograph.extraction.Problem;
import org.cmograph.extraction.SheetLayout.Column;

/**
 * The study-level actors, contexts and outcomes a sheet's CMOC rows name, mapped onto the draft
 * builder (one id space, each part taken once however many CMOCs name it, its cells required to
 * agree), with the sheet's own messages and places.
 */
final class StudyParts {
  final SheetRun run;
  final DraftBuilder draft;

  /** The row and column that first gave each part, by id. */
  private final Map<String, int[]> firstCell = new HashMap<>();

  StudyParts(SheetRun run, DraftBuilder draft) {
    this.run = run;
    this.draft = draft;
  }

  /** The CMOC's links to the study's contexts, each with the role the sheet gives it here. */
  List<ContextLink> contextLinks(CmocRows g) {
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
    List<ContextLink> out = new ArrayList<>();
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
      String role = null;
      if (raw.isEmpty()) {
        unroled.add(id);
      } else {
        role =
            vocabulary(
                raw, run.vocab.contextRoles, g.rowOf.get(Column.CONTEXT_ROLE), Column.CONTEXT_ROLE);
      }
      if (out.stream().anyMatch(l -> id.equals(l.context()))) {
        continue; // one context named twice in one cell is one link
      }
      out.add(new ContextLink(null, id, role));
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
      Map<Column, Object> values = new EnumMap<>(Column.class);
      for (Column a : attributes) {
        List<String> cells = lines(g.values.get(a));
        String raw = i < cells.size() ? cells.get(i) : "";
        if (raw.isEmpty()) {
          continue;
        }
        int at = g.rowOf.get(a);
        Object v =
            switch (a) {
              case CONTEXT_TYPE -> vocabulary(raw, run.vocab.contextTypes, at, a);
              case OUTCOME_DIRECTION -> vocabulary(raw, run.vocab.directions, at, a);
              case OUTCOME_LEVEL -> vocabulary(raw, run.vocab.levels, at, a);
              case OUTCOME_INTENDED -> {
                Boolean b = bool(raw);
                if (b == null) {
                  run.problems.add(run.badValue(at, a, raw, List.of("true", "false")));
                }
                yield b;
              }
              case OUTCOME_FOR -> actor(raw, at, a);
              case CONTEXT_CONCEPT, OUTCOME_CONCEPT -> slug(raw);
              default -> throw new IllegalStateException(a.name());
            };
        if (v != null) {
          values.put(a, v);
        }
      }
      String given = i < ids.size() && !ids.get(i).isEmpty() ? slug(ids.get(i)) : null;
      out.add(
          part(
              kind,
              given,
              description,
              id -> made(kind, id, description, values),
              row,
              run.col(descriptionColumn),
              idColumn));
    }
    return out;
  }

  /** The context or outcome these cells describe. */
  private static Part made(String kind, String id, String description, Map<Column, Object> v) {
    if (kind.equals("context")) {
      return new Context(
          null,
          id,
          description,
          (String) v.get(Column.CONTEXT_TYPE),
          (String) v.get(Column.CONTEXT_CONCEPT));
    }
    return new Outcome(
        null,
        id,
        description,
        (String) v.get(Column.OUTCOME_DIRECTION),
        (String) v.get(Column.OUTCOME_LEVEL),
        (Boolean) v.get(Column.OUTCOME_INTENDED),
        (String) v.get(Column.OUTCOME_FOR),
        (String) v.get(Column.OUTCOME_CONCEPT));
  }

  /** The id of the study part {@code kind} these cells name, adding it when it is new. */
  String part(
      String kind,
      String given,
      String description,
      Function<String, Part> make,
      int row,
      int column,
      Column idColumn) {
    String id = given;
    if (id == null) {
      id = draft.partDescribed(kind, description).map(Part::id).orElse(null);
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
      id = draft.newPartId(kind, description);
    }
    DraftBuilder.Added added = draft.part(make.apply(id));
    firstCell.putIfAbsent(id, new int[] {row, column});
    int firstRow = firstCell.get(id)[0];
    if (added.otherKind() != null) {
      String other = added.otherKind().kind();
      run.problems.add(
          run.cellError(
              "IMPORT-DUPLICATE-ID",
              row,
              run.col(idColumn),
              ": id '"
                  + id
                  + "' names "
                  + (other.equals("actor") ? "an " : "a ")
                  + other
                  + " in row "
                  + firstRow
                  + " and "
                  + (kind.equals("actor") ? "an " : "a ")
                  + kind
                  + " here (the actors, contexts and outcomes of study '"
                  + draft.studyId()
                  + "' share one id space)"));
      return null;
    }
    for (DraftBuilder.Conflict c : added.conflicts()) {
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
                  + c.field()
                  + " here than in row "
                  + firstRow
                  + " ('"
                  + oneLine(abbreviateWords(c.now().toString(), 60))
                  + "', not '"
                  + oneLine(abbreviateWords(c.was().toString(), 60))
                  + "'); a "
                  + kind
                  + " is one condition of the study, shared by its CMOCs: describe it the same"
                  + " way on every row, or give it another id"));
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
    if (draft.part(id).orElse(null) instanceof Actor had) {
      if (stated != null && !stated.equals(had.type())) {
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
                    + had.type()
                    + "' in row "
                    + firstCell.get(id)[0]));
      }
      return id;
    }
    String type = stated != null ? stated : FormatVocabulary.match(text, run.vocab.actorTypes);
    if (type == null) {
      String first = text.split("[\\s-]+")[0];
      type = FormatVocabulary.match(first, run.vocab.actorTypes);
    }
    if (type == null) {
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
    String actorType = type != null ? type : "other";
    String made =
        part(
            "actor",
            id,
            description,
            x -> new Actor(null, x, description, actorType),
            row,
            run.col(column),
            column);
    if (made != null && type == null) {
      draft.checkActorType(
          made,
          "CHECK: the sheet names no type for this actor; "
              + String.join(" | ", run.vocab.actorTypes));
    }
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

  /** The vocabulary word {@code raw} names, or null (reported). */
  String vocabulary(String raw, List<String> allowed, int row, Column c) {
    String v = FormatVocabulary.match(raw, allowed);
    if (v == null) {
      run.problems.add(run.badValue(row, c, raw, allowed));
    }
    return v;
  }
}
