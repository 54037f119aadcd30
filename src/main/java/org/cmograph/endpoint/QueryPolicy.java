package org.cmograph.endpoint;

import java.util.Optional;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * What the endpoint refuses to run, whoever asks: anything that would make the server fetch from
 * another address ({@code SERVICE}, {@code LOAD}) or run code named in the request. Functions named
 * by IRI are allowed from {@link SparqlPolicy#ALLOWED_FUNCTIONS} (XSD casts and the XPath and ARQ
 * functions a reviewer needs); anything else (script functions, {@code java:} IRIs, {@code
 * fn:apply}, {@code afn:wait}, {@code afn:print}, custom aggregates, {@code CALL}, property
 * functions such as {@code apf:} or {@code java:} predicates) is refused. SPARQL's own built-ins
 * ({@code REGEX}, {@code CONCAT}, ...) are syntax, not IRIs, and always allowed; {@link
 * BoundedEvaluation} keeps them short-lived and small. The check ({@link SparqlPolicy}'s walker,
 * the same as the update path's) walks the compiled algebra, so subqueries, {@code EXISTS},
 * aggregates and ordering are covered, and runs before any data is read. Refusals are messages for
 * the client.
 */
final class QueryPolicy {
  private QueryPolicy() {}

  /** Whether a query may call the function named {@code iri}. */
  static boolean allowedFunction(String iri) {
    return SparqlPolicy.allowed(iri, SparqlPolicy.Path.QUERY);
  }

  /**
   * Second line of defence, below the syntactic check: {@code context}'s function registry knows
   * only the allowed functions and its property-function registry knows none, so even a query that
   * reached ARQ unchecked could not call anything else.
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
    try {
      return SparqlPolicy.refusal(Algebra.compile(query), SparqlPolicy.Path.QUERY);
    } catch (StackOverflowError e) {
      return Optional.of(TOO_DEEP);
    }
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
              && (!longString
                  || (i + 2 < n && text.charAt(i + 1) == c && text.charAt(i + 2) == c))) {
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
}
