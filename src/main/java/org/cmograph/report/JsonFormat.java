package org.cmograph.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes {@link Doc} blocks as JSON for scripts: the same content as {@link MarkdownFormat} and
 * {@link HtmlFormat}, nested into sections by heading level, with every {@link
 * Doc.Inline.Kind#COUNT} carrying the ids of the evidence items it counts and the theory diagram as
 * nodes and edges. Field order is fixed and the indentation is "\n" plus two spaces, so the same
 * graph gives the same bytes on every platform.
 *
 * <pre>
 * {"title": "...", "page": "index", "content": [...blocks before the first heading...],
 *  "sections": [{"level": 1, "heading": "...", "anchor": "top", "content": [...], "sections": [...]}]}
 * </pre>
 *
 * A block type this class does not know (one added to {@link Doc} later) is still written: as an
 * object with its type name and its record components, so no content is silently dropped.
 */
final class JsonFormat {
  /** Written into every document, so a consumer can tell which shape it reads. */
  static final String SCHEMA = "cmograph-summary/1";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Function<String, String> href;

  /**
   * @param href where a link to a section (by slug) points, or null when it is not written
   */
  JsonFormat(Function<String, String> href) {
    this.href = href;
  }

  /**
   * One document: {@code page} is the page's name without extension, or null for standard output.
   */
  String write(String title, String page, List<Doc.Block> blocks) {
    ObjectNode doc = NODES.objectNode();
    doc.put("schema", SCHEMA);
    doc.put("title", title);
    if (page != null) {
      doc.put("page", page);
    }
    ArrayNode content = doc.putArray("content");
    ArrayNode sections = doc.putArray("sections");
    // The open sections, innermost last: a heading closes every section at its level or deeper.
    Deque<ObjectNode> open = new ArrayDeque<>();
    for (Doc.Block b : blocks) {
      if (b instanceof Doc.Heading h) {
        while (!open.isEmpty() && open.peekLast().get("level").asInt() >= h.level()) {
          open.removeLast();
        }
        ObjectNode s =
            (open.isEmpty() ? sections : (ArrayNode) open.peekLast().get("sections")).addObject();
        s.put("level", h.level());
        s.put("heading", h.text());
        s.put("anchor", h.anchor());
        s.putArray("content");
        s.putArray("sections");
        open.addLast(s);
      } else {
        (open.isEmpty() ? content : (ArrayNode) open.peekLast().get("content")).add(block(b));
      }
    }
    return print(doc);
  }

  static String print(JsonNode node) {
    DefaultPrettyPrinter pp =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));
    pp.indentArraysWith(new DefaultIndenter("  ", "\n"));
    try {
      return MAPPER.writer(pp).writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode block(Doc.Block b) {
    ObjectNode o = NODES.objectNode();
    if (b instanceof Doc.Para p) {
      o.put("type", "paragraph");
      o.set("inlines", inlines(p.content()));
    } else if (b instanceof Doc.Table t) {
      o.put("type", "table");
      if (t.cssClass() != null) {
        o.put("class", t.cssClass());
      }
      ArrayNode headers = o.putArray("headers");
      t.headers().forEach(headers::add);
      ArrayNode rows = o.putArray("rows");
      for (List<List<Doc.Inline>> row : t.rows()) {
        ArrayNode r = rows.addArray();
        row.forEach(cell -> r.add(inlines(cell)));
      }
    } else if (b instanceof Doc.Bullets l) {
      o.put("type", "bullets");
      ArrayNode items = o.putArray("items");
      l.items().forEach(i -> items.add(inlines(i)));
    } else if (b instanceof Doc.Quote q) {
      o.put("type", "quote");
      o.put("quote", q.quote());
      o.set("citation", inlines(q.citation()));
    } else if (b instanceof Doc.Diagram d) {
      o.put("type", "diagram");
      diagram(d.diagram(), o);
    } else if (b instanceof Doc.Flow f) {
      o.put("type", "flow");
      flow(f.diagram(), o);
    } else if (b instanceof Doc.Heading h) {
      // Only inside a block this class does not know; top-level headings open sections.
      o.put("type", "heading");
      o.put("level", h.level());
      o.put("heading", h.text());
      o.put("anchor", h.anchor());
    } else {
      return value(b);
    }
    return o;
  }

  private ArrayNode inlines(List<Doc.Inline> content) {
    ArrayNode out = NODES.arrayNode();
    for (Doc.Inline i : content) {
      out.add(inline(i));
    }
    return out;
  }

  private ObjectNode inline(Doc.Inline i) {
    ObjectNode o = NODES.objectNode();
    o.put("type", i.kind().name().toLowerCase(Locale.ROOT));
    o.put("text", i.text());
    switch (i.kind()) {
      case LINK -> o.put("href", i.target());
      case SECTION -> {
        o.put("section", i.target());
        String to = href == null ? null : href.apply(i.target());
        if (to != null) {
          o.put("href", to);
        }
      }
      case FILE -> {
        o.put("file", i.target());
        String to = href == null ? null : href.apply(i.target());
        if (to != null) {
          o.put("href", to);
        }
      }
      case COUNT -> {
        ArrayNode ids = o.putArray("evidence");
        i.evidence().forEach(ids::add);
      }
      default -> {}
    }
    return o;
  }

  /**
   * The diagram as data: nodes (without layout, and with their full text rather than the wrapped
   * and shortened lines of the picture) and edges between node ids, labelled as in the picture.
   */
  private static void diagram(TheoryDiagram d, ObjectNode o) {
    ArrayNode nodes = o.putArray("nodes");
    for (TheoryDiagram.Node n : d.nodes()) {
      ObjectNode j = nodes.addObject();
      j.put("id", n.key());
      j.put("kind", n.kind());
      if (n.title() != null) {
        j.put("title", n.title().replace('\n', ' '));
      }
      j.put("description", n.tooltip());
      j.put("blocking", n.blocking());
      if (n.role() != null) {
        j.put("role", n.role());
      }
    }
    ArrayNode edges = o.putArray("edges");
    for (TheoryDiagram.Edge e : d.edges()) {
      ObjectNode j = edges.addObject();
      j.put("from", e.from().key());
      j.put("to", e.to().key());
      j.put("label", e.label());
      j.put("description", e.tooltip());
      j.put("blocking", e.blocking());
      if (e.role() != null) {
        j.put("role", e.role());
      }
      ArrayNode ids = j.putArray("evidence");
      e.evidence().forEach(ids::add);
    }
  }

  /**
   * The search and selection flow as data: its one-sentence summary (the caption), the boxes with
   * their phase and text (as drawn; no layout) and the arrows between box keys.
   */
  private static void flow(FlowDiagram d, ObjectNode o) {
    o.put("summary", d.summary());
    ArrayNode boxes = o.putArray("boxes");
    for (FlowDiagram.Box b : d.boxes()) {
      ObjectNode j = boxes.addObject();
      j.put("id", b.key());
      j.put("phase", b.phase());
      j.put("title", b.title());
      ArrayNode lines = j.putArray("lines");
      b.lines().forEach(lines::add);
      j.put("side", b.side());
    }
    ArrayNode arrows = o.putArray("arrows");
    for (FlowDiagram.Arrow a : d.arrows()) {
      ObjectNode j = arrows.addObject();
      j.put("from", a.from().key());
      j.put("to", a.to().key());
    }
  }

  /**
   * A block (or value inside one) this class has no case for: a record becomes an object of its
   * components in declaration order, led by its type name; collections become arrays.
   */
  JsonNode value(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof Doc.Inline i) {
      return inline(i);
    }
    if (value instanceof Doc.Block b && !isGenericBlock(b)) {
      return block(b);
    }
    if (value instanceof TheoryDiagram d) {
      ObjectNode o = NODES.objectNode();
      diagram(d, o);
      return o;
    }
    if (value instanceof CharSequence || value instanceof Character) {
      return NODES.textNode(value.toString());
    }
    if (value instanceof Boolean v) {
      return NODES.booleanNode(v);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return NODES.numberNode(((Number) value).longValue());
    }
    if (value instanceof Number n) {
      return NODES.numberNode(n.doubleValue());
    }
    if (value instanceof Enum<?> e) {
      return NODES.textNode(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    if (value instanceof Optional<?> opt) {
      return value(opt.orElse(null));
    }
    if (value instanceof Collection<?> c) {
      ArrayNode a = NODES.arrayNode();
      c.forEach(x -> a.add(value(x)));
      return a;
    }
    if (value instanceof Map<?, ?> m) {
      ObjectNode o = NODES.objectNode();
      // Sorted, so a hash map's order cannot change the bytes.
      Map<String, Object> sorted = new TreeMap<>();
      m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      sorted.forEach((k, v) -> o.set(k, value(v)));
      return o;
    }
    if (value.getClass().isRecord()) {
      ObjectNode o = NODES.objectNode();
      if (value instanceof Doc.Block) {
        o.put("type", typeName(value.getClass().getSimpleName()));
      }
      for (RecordComponent c : value.getClass().getRecordComponents()) {
        try {
          c.getAccessor().setAccessible(true);
          o.set(c.getName(), value(c.getAccessor().invoke(value)));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(
              "cannot read " + c.getName() + " of " + value.getClass().getSimpleName(), e);
        }
      }
      return o;
    }
    // An object of a type this class does not know: its own text where it defines one, else its
    // type's name (never Object.toString's hash, which would change the bytes from run to run).
    try {
      boolean ownText = value.getClass().getMethod("toString").getDeclaringClass() != Object.class;
      return NODES.textNode(ownText ? value.toString() : value.getClass().getSimpleName());
    } catch (NoSuchMethodException e) {
      return NODES.textNode(value.getClass().getSimpleName());
    }
  }

  private static boolean isGenericBlock(Doc.Block b) {
    return !(b instanceof Doc.Para
        || b instanceof Doc.Table
        || b instanceof Doc.Bullets
        || b instanceof Doc.Quote
        || b instanceof Doc.Diagram
        || b instanceof Doc.Flow
        || b instanceof Doc.Heading);
  }

  /** "FlowDiagram" → "flow-diagram". */
  static String typeName(String simpleName) {
    return simpleName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
