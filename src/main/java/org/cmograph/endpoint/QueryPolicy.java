package org.cmograph.endpoint;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.expr.aggregate.AggCustom;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.vocabulary.XSD;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpAssign;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.op.OpUnfold;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.expr.E_Call;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.function.scripting.ScriptFunction;

/**
 * What the endpoint refuses to run, whoever asks: anything that would make the server fetch from
 * another address ({@code SERVICE}, {@code LOAD}) or run code named in the request. Functions
 * named by IRI are allowed from a list ({@link #ALLOWED_FUNCTIONS}: XSD casts and the XPath and
 * ARQ functions a reviewer needs); anything else (script functions, {@code java:} IRIs, {@code
 * fn:apply}, {@code afn:wait}, {@code afn:print}, custom aggregates, {@code CALL}, property
 * functions such as {@code apf:} or {@code java:} predicates) is refused. SPARQL's own built-ins
 * ({@code REGEX}, {@code CONCAT}, ...) are syntax, not IRIs, and always allowed; {@link
 * BoundedEvaluation} keeps them short-lived and small. The check walks the compiled algebra, so
 * subqueries, {@code EXISTS}, aggregates and ordering are covered, and runs before any data is
 * read. Refusals are messages for the client.
 */
final class QueryPolicy {
  private QueryPolicy() {}

  private static final String XSD_NS = XSD.NS;
  private static final String FN = "http://www.w3.org/2005/xpath-functions#";
  private static final String AFN = "http://jena.apache.org/ARQ/function#";

  /** Most arguments one function call may have: a long CONCAT multiplies the value bound. */
  static final int MAX_ARGUMENTS = 64;

  /** Function IRIs a query may call; everything else named by IRI is refused. */
  static final Set<String> ALLOWED_FUNCTIONS =
      Stream.of(
              Stream.of(
                      "string", "boolean", "integer", "decimal", "double", "float", "date",
                      "dateTime", "dateTimeStamp", "time", "gYear", "gYearMonth", "duration",
                      "dayTimeDuration", "yearMonthDuration", "int", "long", "short", "byte",
                      "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
                      "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort",
                      "unsignedByte")
                  .map(n -> XSD_NS + n),
              Stream.of(
                      "upper-case", "lower-case", "string-length", "substring", "contains",
                      "starts-with", "ends-with", "substring-before", "substring-after",
                      "normalize-space", "concat", "string-join", "encode-for-uri", "compare",
                      "abs", "round", "ceiling", "floor", "not", "boolean",
                      "year-from-dateTime", "month-from-dateTime", "day-from-dateTime",
                      "hours-from-dateTime", "minutes-from-dateTime", "seconds-from-dateTime",
                      "timezone-from-dateTime", "year-from-date", "month-from-date",
                      "day-from-date")
                  .map(n -> FN + n),
              Stream.of("localname", "namespace", "min", "max", "now").map(n -> AFN + n))
          .flatMap(s -> s)
          .collect(Collectors.toUnmodifiableSet());

  /** Whether a query may call the function named {@code iri}. */
  static boolean allowedFunction(String iri) {
    return ALLOWED_FUNCTIONS.contains(iri);
  }

  /**
   * Second line of defence, below the syntactic check: {@code context}'s function registry knows
   * only the allowed functions and its property-function registry knows none, so even a query
   * that reached ARQ unchecked could not call anything else.
   */
  static void restrict(Context context) {
    FunctionRegistry all = FunctionRegistry.get();
    FunctionRegistry allowed =
        new FunctionRegistry() {
          @Override
          public FunctionFactory get(String uri) {
            return allowedFunction(uri) ? all.get(uri) : null;
          }

          @Override
          public boolean isRegistered(String uri) {
            return allowedFunction(uri) && all.isRegistered(uri);
          }
        };
    context.set(ARQConstants.registryFunctions, allowed);
    context.set(
        ARQConstants.registryPropertyFunctions,
        new PropertyFunctionRegistry() {
          @Override
          public boolean manages(String uri) {
            return false;
          }

          @Override
          public PropertyFunctionFactory get(String uri) {
            return null;
          }

          @Override
          public boolean isRegistered(String uri) {
            return false;
          }
        });
  }

  /** Why {@code query} may not run here, or empty if it may. */
  static Optional<String> refusal(Query query) {
    Finder finder = new Finder();
    try {
      finder.walk(Algebra.compile(query));
    } catch (StackOverflowError e) {
      return Optional.of(TOO_DEEP);
    }
    return Optional.ofNullable(finder.reason);
  }

  static final String TOO_DEEP = "the query is nested too deeply; simplify it";

  /** Deeper nesting of groups and brackets is refused before parsing: no reviewer writes it. */
  static final int MAX_NESTING = 100;

  /**
   * The deepest nesting of {@code { }} and {@code ( )} in SPARQL text, outside string literals,
   * IRIs and comments. Checked before parsing, so a refusal does not depend on how much stack the
   * parser or the evaluator happen to have left.
   */
  static int nestingDepth(String text) {
    int depth = 0;
    int max = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        boolean longString = i + 2 < n && text.charAt(i + 1) == c && text.charAt(i + 2) == c;
        i += longString ? 3 : 1;
        for (; i < n; i++) {
          char d = text.charAt(i);
          if (d == '\\') {
            i++;
          } else if (d == c
              && (!longString || (i + 2 < n && text.charAt(i + 1) == c && text.charAt(i + 2) == c))) {
            i += longString ? 2 : 0;
            break;
          } else if (!longString && (d == '\n' || d == '\r')) {
            break;
          }
        }
      } else if (c == '<') {
        int end = i + 1;
        while (end < n && "<>\"{}|^`\\ \t\r\n".indexOf(text.charAt(end)) < 0) {
          end++;
        }
        if (end < n && text.charAt(end) == '>') {
          i = end; // an IRI; otherwise '<' is an operator
        }
      } else if (c == '#') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '{' || c == '(') {
        max = Math.max(max, ++depth);
      } else if (c == '}' || c == ')') {
        depth = Math.max(0, depth - 1);
      }
    }
    return max;
  }

  /** Finds the first refused construct in an algebra expression, expressions included. */
  private static final class Finder extends OpVisitorBase {
    String reason;

    private final ExprVisitorBase functions =
        new ExprVisitorBase() {
          @Override
          public void visit(ExprFunctionN func) {
            if (func instanceof E_Call) {
              refuse("CALL() refused: it can name any function at run time");
            } else if (func instanceof E_Function f) {
              String iri = f.getFunctionIRI();
              if (ScriptFunction.isScriptFunction(iri)) {
                refuse("script functions are disabled on this endpoint: <" + iri + ">");
              } else if (iri.startsWith("java:")) {
                refuse("java: functions are disabled on this endpoint: <" + iri + ">");
              } else if (!allowedFunction(iri)) {
                refuse(
                    "function <" + iri + "> is not available on this endpoint; see the"
                        + " list of allowed functions in the endpoint documentation");
              }
            }
            if (func.numArgs() > MAX_ARGUMENTS) {
              refuse("a function call has more than " + MAX_ARGUMENTS + " arguments");
            }
          }
        };

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

    private void predicates(Stream<Node> predicates) {
      predicates
          .filter(Node::isURI)
          .map(Node::getURI)
          .filter(
              p ->
                  p.startsWith("java:")
                      || p.startsWith("http://jena.apache.org/ARQ/property#")
                      || p.startsWith("http://jena.apache.org/ARQ/list#")
                      || PropertyFunctionRegistry.get().manages(p))
          .findFirst()
          .ifPresent(
              p ->
                  refuse(
                      "property function <" + p + "> is not available on this endpoint;"
                          + " no property functions are"));
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
    public void visit(OpPath op) {
      // Paths are made of plain predicates; ARQ never treats them as property functions.
    }

    @Override
    public void visit(OpService op) {
      refuse(
          "SERVICE <" + op.getService() + "> refused: this endpoint makes no requests to other"
              + " servers; run federated queries from your own client");
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
          refuse("custom aggregate <" + custom.getIRI() + "> is not available on this endpoint");
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
