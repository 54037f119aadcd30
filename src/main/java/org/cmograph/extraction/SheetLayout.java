package org.cmograph.extraction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one-row-per-CMOC spreadsheet layout that {@code cmograph import} reads and {@code cmograph
 * export --format csv} writes: one row per evidence item, repeating the parts of its CMOC. A CMOC
 * with several contexts or outcomes lists them one per line inside the cell (the id, type and role
 * cells then hold one line per context, in the same order). A context or outcome named in the rows
 * of several CMOCs (by the same id, or without ids by the same description) is one context or
 * outcome of the study; its role is given per CMOC. An evidence item that bears on several CMOCs
 * stands on a row of each, with the same evidence id.
 *
 * <p>Headers match whatever the case, spacing or punctuation ("Mechanism resource",
 * "mechanism_resource"), and common alternative names are accepted; other headers can be mapped
 * with {@code --map HEADER=COLUMN}.
 */
public final class SheetLayout {
  private SheetLayout() {}

  /** The columns, in the order the exporter writes them. */
  public enum Column {
    STUDY(false, "study", "study id"),
    TITLE(false, "title", "study title"),
    SOURCE(false, "source", "source file", "source text"),
    CMOC(false, "cmoc", "cmoc id", "cmo", "cmo id", "cmoc no", "configuration"),
    CMOC_LABEL(false, "cmoc label", "label", "cmo label"),
    STATEMENT(false, "statement", "cmoc statement", "cmo statement"),
    CMOC_KIND(false, "cmoc kind", "configuration kind", "cmo kind"),
    STRATEGY(false, "strategy", "intervention strategy", "programme strategy"),
    ACTOR(false, "actor", "mechanism actor", "whose reasoning", "reasoning actor"),
    CONTEXT_ID(true, "context id", "context ids"),
    CONTEXT(true, "context", "contexts", "c", "context description"),
    CONTEXT_TYPE(true, "context type", "context types"),
    CONTEXT_ROLE(true, "context role", "context roles"),
    MECHANISM_CONCEPT(false, "mechanism concept", "concept", "catalogue concept"),
    MECHANISM_WORDING(false, "mechanism wording", "mechanism", "wording", "m"),
    MECHANISM_RESOURCE(false, "mechanism resource", "resource", "m resource", "programme resource"),
    MECHANISM_REASONING(
        false,
        "mechanism reasoning",
        "reasoning",
        "mechanism response",
        "response",
        "m reasoning",
        "m response"),
    OUTCOME_ID(true, "outcome id", "outcome ids"),
    OUTCOME(true, "outcome", "outcomes", "o", "outcome description"),
    OUTCOME_DIRECTION(true, "outcome direction", "direction"),
    OUTCOME_LEVEL(true, "outcome level", "level"),
    OUTCOME_INTENDED(true, "outcome intended", "intended"),
    OUTCOME_FOR(true, "outcome for", "for", "for whom", "outcome actor"),
    THEORY_LINKS(true, "theory links", "theory link", "theory"),
    EVIDENCE_ID(false, "evidence id", "evidence"),
    EVIDENCE_KIND(false, "evidence kind", "kind"),
    ABOUT(false, "about", "evidence about"),
    QUOTE(false, "quote", "evidence quote", "excerpt", "data extract", "verbatim quote"),
    LOCATION(false, "location", "quote location", "page"),
    SPEAKER(false, "speaker"),
    PERSPECTIVE(false, "perspective"),
    STANCE(false, "stance"),
    STRENGTH(false, "strength"),
    INFERENCE(false, "inference"),
    NOTE(false, "note", "notes", "comment", "comments"),
    // Format 2 parts added after the first layout, so the columns above keep their places.
    LEADS_TO(true, "leads to", "chain", "next cmoc"),
    CONTEXT_CONCEPT(true, "context concept", "context concepts"),
    OUTCOME_CONCEPT(true, "outcome concept", "outcome concepts"),
    PAGE_NUMBER(false, "page number", "quote page", "evidence page");

    /** True when the cell holds one value per line (one per context, outcome or theory link). */
    public final boolean perLine;

    private final List<String> names;

    Column(boolean perLine, String... names) {
      this.perLine = perLine;
      this.names = List.of(names);
    }

    /** The header the exporter writes. */
    public String header() {
      return names.get(0);
    }

    public List<String> names() {
      return names;
    }
  }

  private static final Map<String, Column> BY_NAME = new LinkedHashMap<>();

  static {
    for (Column c : Column.values()) {
      for (String n : c.names) {
        BY_NAME.put(normalise(n), c);
      }
      BY_NAME.put(normalise(c.name()), c);
    }
  }

  /** The column a header names, or null. */
  public static Column column(String header) {
    if (header == null) {
      return null;
    }
    String key = normalise(header);
    Column c = BY_NAME.get(key);
    return c == null && key.endsWith("s") ? BY_NAME.get(key.substring(0, key.length() - 1)) : c;
  }

  /** Every accepted name, for "did you mean" hints. */
  public static List<String> allNames() {
    return List.copyOf(BY_NAME.keySet());
  }

  /** Lower case, with runs of spaces, underscores, hyphens, dots and slashes as one space. */
  public static String normalise(String header) {
    return header
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\s_\\-./:()]+", " ")
        .replaceAll("[^\\p{L}\\p{N} ]", "")
        .trim();
  }
}
