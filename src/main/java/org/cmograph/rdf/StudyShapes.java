package org.cmograph.rdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingRoot;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The SHACL shapes a study graph must conform to, checked with the same results as Jena's SHACL
 * engine but faster for many small graphs. Jena runs a SPARQL-based constraint ({@code sh:sparql})
 * once per focus node, compiling the query each time; for a study with a dozen evidence items that
 * is most of the validation time (profiled: 36% of {@code cmograph validate}). Here such a
 * constraint runs once per graph with {@code $this} unbound, and its rows are kept for the focus
 * nodes of the shape: the same violations, one query.
 *
 * <p>This is exact only where {@code $this} is joined like any other variable, so a constraint is
 * batched only when a triple pattern at the top level of the WHERE clause binds {@code $this}, it
 * occurs nowhere else but in the triple patterns and the filters (EXISTS and NOT EXISTS included)
 * at that level, the query has no solution modifiers but DISTINCT, and it does not use the other
 * pre-bound variables. Every other constraint, and every core constraint, stays with Jena. The
 * batched constraints, their {@code sh:targetClass} and their prefixes are read from the shapes
 * graph as SHACL states them, with public APIs only (no jena-shacl engine class, which a Jena
 * release may change; JenaInternalsTest).
 *
 * <pre>
 * StudyShapes shapes = new StudyShapes(reference.shapes());
 * List&lt;ReportEntry&gt; violations = shapes.validate(studyGraph);  // empty: conforms
 * </pre>
 */
public final class StudyShapes {
  private static final String SH = "http://www.w3.org/ns/shacl#";
  private static final Node SH_SPARQL = NodeFactory.createURI(SH + "sparql");
  private static final Node SH_DEACTIVATED = NodeFactory.createURI(SH + "deactivated");
  private static final Node SH_SELECT = NodeFactory.createURI(SH + "select");
  private static final Node SH_MESSAGE = NodeFactory.createURI(SH + "message");
  private static final Node SH_PREFIXES = NodeFactory.createURI(SH + "prefixes");
  private static final Node SH_DECLARE = NodeFactory.createURI(SH + "declare");
  private static final Node SH_PREFIX = NodeFactory.createURI(SH + "prefix");
  private static final Node SH_NAMESPACE = NodeFactory.createURI(SH + "namespace");
  private static final Node SH_TARGET_CLASS = NodeFactory.createURI(SH + "targetClass");

  /** Targets other than sh:targetClass: a shape with one of these stays with Jena. */
  private static final List<Node> OTHER_TARGETS =
      List.of(
          NodeFactory.createURI(SH + "targetNode"),
          NodeFactory.createURI(SH + "targetSubjectsOf"),
          NodeFactory.createURI(SH + "targetObjectsOf"),
          NodeFactory.createURI(SH + "target"));

  private static final Var THIS = Var.alloc("this");
  private static final Var VALUE = Var.alloc("value");
  private static final Pattern MESSAGE_VARIABLE =
      Pattern.compile("\\{[?$]([A-Za-z_][A-Za-z0-9_]*)\\}");

  private final Shapes core;
  private final List<Batched> batched;

  /**
   * One SPARQL-based constraint of a node shape, evaluated once per data graph. Its algebra is
   * compiled and optimised once here: a query execution per graph would redo both every time.
   */
  private record Batched(Shape shape, List<Node> targetClasses, Op op, String message) {}

  /** A {@code sh:sparql} constraint as the shapes graph states it: its query and message. */
  private record Sparql(Query query, String message) {}

  public StudyShapes(Graph shapesGraph) {
    Shapes all = Shapes.parse(shapesGraph);
    Graph coreGraph = GraphFactory.createGraphMem();
    shapesGraph.find().forEachRemaining(coreGraph::add);
    List<Batched> found = new ArrayList<>();
    for (Shape shape : all.getShapeMap().values()) {
      Node node = shape.getShapeNode();
      List<Sparql> sparql = sparqlConstraints(shapesGraph, node);
      List<Node> classes = G.listSP(shapesGraph, node, SH_TARGET_CLASS);
      if (sparql == null || sparql.isEmpty() || !batchable(shape, classes, sparql, shapesGraph)) {
        continue;
      }
      for (Sparql sc : sparql) {
        Op op = Algebra.optimize(Algebra.compile(sc.query()));
        found.add(new Batched(shape, classes, op, sc.message()));
      }
      coreGraph.remove(node, SH_SPARQL, Node.ANY);
    }
    this.batched = List.copyOf(found);
    this.core = found.isEmpty() ? all : Shapes.parse(coreGraph);
  }

  /** How many SPARQL-based constraints run once per graph instead of once per focus node. */
  public int batchedConstraints() {
    return batched.size();
  }

  /** Every violation (and warning) of {@code data}; empty when it conforms. Thread-safe. */
  public List<ReportEntry> validate(Graph data) {
    List<ReportEntry> entries =
        new ArrayList<>(ShaclValidator.get().validate(core, data).getEntries());
    for (Batched b : batched) {
      // The focus nodes of sh:targetClass: the instances of the classes and of their subclasses.
      Set<Node> focusSet = new java.util.HashSet<>();
      for (Node c : b.targetClasses()) {
        focusSet.addAll(G.allNodesOfTypeRDFS(data, c));
      }
      if (focusSet.isEmpty()) {
        continue;
      }
      QueryIterator rows =
          QC.execute(b.op(), BindingRoot.create(), ExecutionContext.createForGraph(data));
      try {
        while (rows.hasNext()) {
          Binding row = rows.next();
          Node self = row.get(THIS);
          if (self == null || !focusSet.contains(self)) {
            continue;
          }
          Node value = row.get(VALUE);
          entries.add(
              ReportEntry.create()
                  .focusNode(self)
                  .value(value == null ? self : value)
                  .severity(b.shape().getSeverity())
                  .sourceConstraintComponent(
                      NodeFactory.createURI(SH + "SPARQLConstraintComponent"))
                  .message(message(b.message(), row)));
        }
      } finally {
        rows.close();
      }
    }
    return entries;
  }

  private static String message(String template, Binding row) {
    if (template == null) {
      return "SPARQL constraint violated";
    }
    Matcher m = MESSAGE_VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Node n = row.get(Var.alloc(m.group(1)));
      m.appendReplacement(out, Matcher.quoteReplacement(n == null ? m.group() : display(n)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String display(Node n) {
    return n.isURI()
        ? "<" + n.getURI() + ">"
        : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
  }

  /**
   * True when every SPARQL constraint of {@code shape} can run once per graph: a node shape
   * targeting classes, constraints active, and queries as the class comment requires.
   */
  private static boolean batchable(
      Shape shape, List<Node> targetClasses, List<Sparql> constraints, Graph shapesGraph) {
    Node node = shape.getShapeNode();
    if (!shape.isNodeShape() || shape.deactivated() || targetClasses.isEmpty()) {
      return false;
    }
    for (Node other : OTHER_TARGETS) {
      if (shapesGraph.contains(node, other, Node.ANY)) {
        return false;
      }
    }
    // A shape that is also a class targets its instances implicitly: left to Jena.
    if (shapesGraph.contains(node, RDF.Nodes.type, RDFS.Nodes.Class)
        || shapesGraph.contains(node, RDF.Nodes.type, OWL.Class.asNode())) {
      return false;
    }
    for (Triple t : shapesGraph.find(shape.getShapeNode(), SH_SPARQL, Node.ANY).toList()) {
      if (shapesGraph.contains(t.getObject(), SH_DEACTIVATED, Node.ANY)) {
        return false;
      }
    }
    for (Sparql c : constraints) {
      Query q = c.query();
      if (!q.isSelectType()
          || q.hasGroupBy()
          || q.hasHaving()
          || q.hasAggregators()
          || q.hasLimit()
          || q.hasOffset()
          || q.hasOrderBy()
          || q.hasValues()
          || q.getQueryPattern() == null
          || !(q.getQueryPattern() instanceof ElementGroup group)) {
        return false;
      }
      String text = q.toString();
      if (text.contains("?shapesGraph") || text.contains("?currentShape")) {
        return false;
      }
      boolean bound = false;
      for (Element e : group.getElements()) {
        if (e instanceof ElementPathBlock block) {
          for (TriplePath tp : block.getPattern().getList()) {
            bound |= THIS.equals(tp.getSubject()) || THIS.equals(tp.getObject());
          }
        } else if (e instanceof ElementTriplesBlock block) {
          for (Triple t : block.getPattern().getList()) {
            bound |= THIS.equals(t.getSubject()) || THIS.equals(t.getObject());
          }
        } else if (!(e instanceof ElementFilter) && mentionsThis(e)) {
          return false;
        }
      }
      // A filter of the group (EXISTS and NOT EXISTS included) sees each row with its $this, as
      // it would see the pre-bound $this: the same rows, if the group's patterns bind $this.
      if (!bound) {
        return false;
      }
    }
    return true;
  }

  /**
   * The {@code sh:sparql} constraints of {@code shape} as the shapes graph states them (SHACL 5.2):
   * the {@code sh:select} text behind the prefixes its {@code sh:prefixes} declare, and its {@code
   * sh:message}. Null when one cannot be read so simply (no or several selects or messages, a query
   * that does not parse): the shape then stays with Jena.
   */
  private static List<Sparql> sparqlConstraints(Graph shapesGraph, Node shape) {
    List<Sparql> out = new ArrayList<>();
    for (Node c : G.listSP(shapesGraph, shape, SH_SPARQL)) {
      List<Node> select = G.listSP(shapesGraph, c, SH_SELECT);
      List<Node> message = G.listSP(shapesGraph, c, SH_MESSAGE);
      if (select.size() != 1 || !select.get(0).isLiteral() || message.size() > 1) {
        return null;
      }
      StringBuilder text = new StringBuilder();
      for (Node prefixes : G.listSP(shapesGraph, c, SH_PREFIXES)) {
        for (Node declared : G.listSP(shapesGraph, prefixes, SH_DECLARE)) {
          Node prefix = G.getOneSP(shapesGraph, declared, SH_PREFIX);
          Node namespace = G.getOneSP(shapesGraph, declared, SH_NAMESPACE);
          text.append("PREFIX ")
              .append(prefix.getLiteralLexicalForm())
              .append(": <")
              .append(namespace.getLiteralLexicalForm())
              .append(">\n");
        }
      }
      text.append(select.get(0).getLiteralLexicalForm());
      try {
        out.add(
            new Sparql(
                QueryFactory.create(text.toString()),
                message.isEmpty() ? null : message.get(0).getLiteralLexicalForm()));
      } catch (QueryParseException e) {
        return null;
      }
    }
    return out;
  }

  /** Conservative: any variable whose name starts with "this" counts as a mention. */
  private static boolean mentionsThis(Element e) {
    return e.toString().contains("?this");
  }
}
