package org.cmograph.endpoint;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpAssign;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpProcedure;
import org.apache.jena.sparql.algebra.op.OpPropFunc;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.op.OpUnfold;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.expr.E_Call;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.expr.aggregate.AggCustom;
import org.apache.jena.sparql.function.scripting.ScriptFunction;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.vocabulary.XSD;

/**
 * The one allow-list of functions and the one walker behind {@link QueryPolicy} and {@link
 * UpdatePolicy}: the walker visits a compiled algebra expression whole (subqueries, {@code EXISTS},
 * {@code OPTIONAL} filters, aggregates, grouping and ordering included) and reports the first
 * construct its path refuses: {@code SERVICE}, {@code CALL}, a function named by IRI that the
 * allow-list does not give to that path, a custom aggregate, a property function. The two paths
 * differ only in what the allow-list gives them and in the words of the refusal.
 */
final class SparqlPolicy {
  /** The two ways a request reaches the dataset. */
  enum Path {
    QUERY,
    UPDATE
  }

  private static final String FN = "http://www.w3.org/2005/xpath-functions#";
  private static final String AFN = "http://jena.apache.org/ARQ/function#";

  /** The XSD casts SPARQL 1.1 itself defines (section 17.5): allowed on both paths. */
  private static final Set<String> SPARQL_11_CASTS =
      Set.of("boolean", "double", "float", "decimal", "integer", "dateTime", "string");

  /**
   * Function IRIs that may be called, each with the paths it is allowed on: XSD casts and the XPath
   * and ARQ functions a reviewer needs on queries; only SPARQL 1.1's own casts on updates (a
   * curator's writes need SPARQL's keyword built-ins only). Everything else named by IRI is
   * refused.
   */
  static final Map<String, Set<Path>> ALLOWED_FUNCTIONS =
      Stream.of(
              Stream.of(
                      "string",
                      "boolean",
                      "integer",
                      "decimal",
                      "double",
                      "float",
                      "date",
                      "dateTime",
                      "dateTimeStamp",
                      "time",
                      "gYear",
                      "gYearMonth",
                      "duration",
                      "dayTimeDuration",
                      "yearMonthDuration",
                      "int",
                      "long",
                      "short",
                      "byte",
                      "nonNegativeInteger",
                      "positiveInteger",
                      "nonPositiveInteger",
                      "negativeInteger",
                      "unsignedInt",
                      "unsignedLong",
                      "unsignedShort",
                      "unsignedByte")
                  .map(n -> XSD.NS + n),
              Stream.of(
                      "upper-case",
                      "lower-case",
                      "string-length",
                      "substring",
                      "contains",
                      "starts-with",
                      "ends-with",
                      "substring-before",
                      "substring-after",
                      "normalize-space",
                      "concat",
                      "string-join",
                      "encode-for-uri",
                      "compare",
                      "abs",
                      "round",
                      "ceiling",
                      "floor",
                      "not",
                      "boolean",
                      "year-from-dateTime",
                      "month-from-dateTime",
                      "day-from-dateTime",
                      "hours-from-dateTime",
                      "minutes-from-dateTime",
                      "seconds-from-dateTime",
                      "timezone-from-dateTime",
                      "year-from-date",
                      "month-from-date",
                      "day-from-date")
                  .map(n -> FN + n),
              Stream.of("localname", "namespace", "min", "max", "now").map(n -> AFN + n))
          .flatMap(s -> s)
          .distinct()
          .collect(
              Collectors.toUnmodifiableMap(
                  Function.identity(),
                  iri ->
                      iri.startsWith(XSD.NS)
                              && SPARQL_11_CASTS.contains(iri.substring(XSD.NS.length()))
                          ? Set.of(Path.QUERY, Path.UPDATE)
                          : Set.of(Path.QUERY)));

  /** Whether {@code path} may call the function named {@code iri}. */
  static boolean allowed(String iri, Path path) {
    return ALLOWED_FUNCTIONS.getOrDefault(iri, Set.of()).contains(path);
  }

  /**
   * Most arguments one function call in a query may have: a long CONCAT multiplies the value bound.
   */
  static final int MAX_ARGUMENTS = 64;

  private SparqlPolicy() {}

  /** Why {@code op} may not run on {@code path}, or empty if it may. */
  static Optional<String> refusal(Op op, Path path) {
    Finder finder = new Finder(path);
    finder.walk(op);
    return Optional.ofNullable(finder.reason);
  }

  /** Why a pattern with these predicates may not run on {@code path}, or empty if it may. */
  static Optional<String> predicateRefusal(Stream<Node> predicates, Path path) {
    Finder finder = new Finder(path);
    finder.predicates(predicates);
    return Optional.ofNullable(finder.reason);
  }

  /** Finds the first refused construct in an algebra expression, expressions included. */
  private static final class Finder extends OpVisitorBase {
    private final Path path;
    private final boolean query;
    String reason;

    Finder(Path path) {
      this.path = path;
      this.query = path == Path.QUERY;
    }

    private final ExprVisitorBase functions =
        new ExprVisitorBase() {
          @Override
          public void visit(ExprFunctionN func) {
            if (func instanceof E_Call) {
              refuse("CALL() refused: it can name any function at run time");
            } else if (func instanceof E_Function f) {
              function(f.getFunctionIRI());
            }
            if (query && func.numArgs() > MAX_ARGUMENTS) {
              refuse("a function call has more than " + MAX_ARGUMENTS + " arguments");
            }
          }
        };

    private void function(String iri) {
      if (allowed(iri, path)) {
        return;
      }
      if (!query) {
        refuse(
            "function <" + iri + "> refused: updates may use SPARQL 1.1's built-in functions only");
      } else if (ScriptFunction.isScriptFunction(iri)) {
        refuse("script functions are disabled on this endpoint: <" + iri + ">");
      } else if (iri.startsWith("java:")) {
        refuse("java: functions are disabled on this endpoint: <" + iri + ">");
      } else {
        refuse(
            "function <"
                + iri
                + "> is not available on this endpoint; see the"
                + " list of allowed functions in the endpoint documentation");
      }
    }

    void walk(Op op) {
      OpWalker.walk(op, this);
    }

    private void refuse(String why) {
      if (reason == null) {
        reason = why;
      }
    }

    private void exprs(Expr expr) {
      if (expr != null) {
        Walker.walk(expr, this, functions);
      }
    }

    private void exprs(ExprList list) {
      if (list != null) {
        list.forEach(this::exprs);
      }
    }

    private void exprs(VarExprList list) {
      if (list != null) {
        list.forEachExpr((v, e) -> exprs(e));
      }
    }

    /**
     * Predicates that name code: on queries, {@code java:} classes and every property function ARQ
     * knows (none run: the query context's registry is empty); on updates, {@code java:} classes
     * (property functions are switched off while an update runs).
     */
    void predicates(Stream<Node> predicates) {
      predicates
          .filter(Node::isURI)
          .map(Node::getURI)
          .filter(
              p ->
                  p.startsWith("java:")
                      || (query
                          && (p.startsWith("http://jena.apache.org/ARQ/property#")
                              || p.startsWith("http://jena.apache.org/ARQ/list#")
                              || PropertyFunctionRegistry.get().manages(p))))
          .findFirst()
          .ifPresent(
              p ->
                  refuse(
                      query
                          ? "property function <"
                              + p
                              + "> is not available on this endpoint;"
                              + " no property functions are"
                          : "java: property functions are disabled on this endpoint: <" + p + ">"));
    }

    @Override
    public void visit(OpBGP op) {
      predicates(op.getPattern().getList().stream().map(Triple::getPredicate));
    }

    @Override
    public void visit(OpTriple op) {
      predicates(Stream.of(op.getTriple().getPredicate()));
    }

    @Override
    public void visit(OpQuadPattern op) {
      predicates(op.getPattern().getList().stream().map(Quad::getPredicate));
    }

    @Override
    public void visit(OpPropFunc op) {
      refuse("property function <" + op.getProperty() + "> refused on the " + where());
    }

    @Override
    public void visit(OpProcedure op) {
      refuse("procedure <" + op.getProcId() + "> refused on the " + where());
    }

    private String where() {
      return query ? "query path" : "update path";
    }

    @Override
    public void visit(OpService op) {
      refuse(
          "SERVICE <"
              + op.getService()
              + "> refused: this endpoint makes no requests to other"
              + " servers"
              + (query ? "; run federated queries from your own client" : ""));
    }

    @Override
    public void visit(OpFilter op) {
      exprs(op.getExprs());
    }

    @Override
    public void visit(OpLeftJoin op) {
      exprs(op.getExprs());
    }

    @Override
    public void visit(OpExtend op) {
      exprs(op.getVarExprList());
    }

    @Override
    public void visit(OpAssign op) {
      exprs(op.getVarExprList());
    }

    @Override
    public void visit(OpUnfold op) {
      exprs(op.getExpr());
    }

    @Override
    public void visit(OpGroup op) {
      exprs(op.getGroupVars());
      for (ExprAggregator agg : op.getAggregators()) {
        if (agg.getAggregator() instanceof AggCustom custom) {
          refuse(
              query
                  ? "custom aggregate <" + custom.getIRI() + "> is not available on this endpoint"
                  : "custom aggregate <"
                      + custom.getIRI()
                      + "> refused: updates may use SPARQL"
                      + " 1.1's built-in aggregates only");
        }
        exprs(agg.getAggregator().getExprList());
      }
    }

    @Override
    public void visit(OpOrder op) {
      op.getConditions().stream().map(SortCondition::getExpression).forEach(this::exprs);
    }

    @Override
    public void visit(OpTopN op) {
      op.getConditions().stream().map(SortCondition::getExpression).forEach(this::exprs);
    }
  }
}
