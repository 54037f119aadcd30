package org.cmograph.endpoint;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_Str;
import org.apache.jena.sparql.expr.E_StrAfter;
import org.apache.jena.sparql.expr.E_StrBefore;
import org.apache.jena.sparql.expr.E_StrContains;
import org.apache.jena.sparql.expr.E_StrEndsWith;
import org.apache.jena.sparql.expr.E_StrLength;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.E_StrStartsWith;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * Makes a query's expressions stop when the query stops, and keeps each value they build small.
 * ARQ's time limit cancels a query between solutions; one expression (a backtracking regular
 * expression, arithmetic on a number with millions of digits, a string doubled 26 times) could
 * otherwise run on, and fill the heap, long after its client was answered.
 *
 * <p>Installed through ARQ's optimizer hook ({@link ARQConstants#sysOptimizerFactory}) in the
 * endpoint's query context: after ARQ's own optimisation, every function call in the algebra is
 * wrapped in a check that the query is not cancelled and that its value is within {@link
 * #MAX_CHARS} characters (strings, IRIs) or {@link #MAX_INTEGER_BITS} bits (integers); {@code
 * REGEX} and {@code REPLACE} match against a character sequence that gives up once the query is
 * cancelled, so backtracking ends within milliseconds of the time limit.
 */
final class BoundedEvaluation {
  /** Longest string or IRI an expression may build (characters). */
  static final int MAX_CHARS = 1_000_000;

  /** Largest integer an expression may build (bits; about 10,000 decimal digits). */
  static final int MAX_INTEGER_BITS = 33_220;

  private BoundedEvaluation() {}

  /** Sets the hook in {@code context}: every query run with it is bounded. */
  static void install(Context context) {
    context.set(ARQConstants.sysOptimizerFactory, FACTORY);
    // Folding evaluates constant expressions while optimising, before any check is in place.
    context.set(ARQ.optExprConstantFolding, false);
  }

  private static final RewriteFactory FACTORY =
      context -> {
        var standard = Optimize.stdOptimizationFactory.create(context);
        return op -> bound(standard.rewrite(op));
      };

  /** {@code op} with every function call checked. */
  static Op bound(Op op) {
    return Transformer.transform(new TransformCopy(), new Wrap(), op);
  }

  /** A value above the bounds: the client's query asked for too much (answered 400). */
  static final class ValueTooLarge extends QueryExecException {
    ValueTooLarge(String message) {
      super(message);
    }
  }

  /**
   * Functions left unwrapped: their value is a part of an argument's text, or a number or boolean
   * read from it, so never beyond the bounds its arguments are already held to, and they take time
   * linear in the arguments. They are what the catalogue's queries call for every row (reading ids
   * from IRIs: nine of them in evidence-for-mechanism), where the check cost ~2 % of the query.
   */
  static final Set<Class<? extends Expr>> NOT_GROWING =
      Set.of(
          E_Str.class,
          E_StrAfter.class,
          E_StrBefore.class,
          E_StrLength.class,
          E_StrStartsWith.class,
          E_StrEndsWith.class,
          E_StrContains.class);

  private static final class Wrap extends ExprTransformCopy {
    @Override
    public Expr transform(org.apache.jena.sparql.expr.ExprFunctionN func, ExprList args) {
      if (func instanceof E_Regex) {
        return new Checked(new GuardedRegex(args));
      }
      if (func instanceof E_StrReplace) {
        return new Checked(new GuardedReplace(args));
      }
      return new Checked(super.transform(func, args));
    }

    @Override
    public Expr transform(ExprFunction1 func, Expr arg) {
      if (func instanceof Checked) {
        return func;
      }
      Expr copy = super.transform(func, arg);
      return NOT_GROWING.contains(func.getClass()) ? copy : new Checked(copy);
    }

    @Override
    public Expr transform(org.apache.jena.sparql.expr.ExprFunction2 func, Expr a, Expr b) {
      Expr copy = super.transform(func, a, b);
      return NOT_GROWING.contains(func.getClass()) ? copy : new Checked(copy);
    }

    @Override
    public Expr transform(org.apache.jena.sparql.expr.ExprFunction3 func, Expr a, Expr b, Expr c) {
      return new Checked(super.transform(func, a, b, c));
    }
  }

  /** Where {@link #startClock} keeps the time (System.nanoTime) by which a query must end. */
  static final Symbol DEADLINE = Symbol.create("https://w3id.org/cmograph/endpoint#deadline");

  /**
   * Starts the query's own clock, from the time limit in its context: ARQ's time-out stops the
   * iterators, not an expression in the middle of its evaluation, so expressions watch the clock.
   */
  static void startClock(Context context) {
    Object limit = context.get(ARQ.queryTimeout);
    if (limit == null) {
      return;
    }
    String text = limit.toString().split(",")[0].strip();
    long millis = text.isEmpty() ? -1 : Long.parseLong(text);
    if (millis > 0) {
      context.set(DEADLINE, new Deadline(System.nanoTime() + millis * 1_000_000L, null));
    }
  }

  /** When the query must stop: its deadline, or its cancel signal once set. */
  record Deadline(long nanos, AtomicBoolean signal) {
    boolean passed() {
      return (signal != null && signal.get()) || System.nanoTime() - nanos > 0;
    }
  }

  static Deadline cancelSignal(FunctionEnv env) {
    AtomicBoolean signal = env instanceof ExecutionContext ec ? ec.getCancelSignal() : null;
    Context context = env == null ? null : env.getContext();
    Deadline clock = context == null ? null : (Deadline) context.get(DEADLINE);
    return new Deadline(clock == null ? Long.MAX_VALUE : clock.nanos(), signal);
  }

  static void checkCancelled(Deadline deadline) {
    if (deadline != null && deadline.passed()) {
      throw new QueryCancelledException();
    }
  }

  /** Throws {@link ValueTooLarge} when {@code value} is above the bounds. */
  static NodeValue checkSize(NodeValue value) {
    if (value == null) {
      return null;
    }
    if (value.isInteger()) {
      if (value.getInteger().bitLength() > MAX_INTEGER_BITS) {
        throw new ValueTooLarge(
            "the query built an integer above " + MAX_INTEGER_BITS + " bits; values are bounded");
      }
      return value;
    }
    if (value.isDecimal()) {
      BigDecimal d = value.getDecimal();
      if (d.precision() > MAX_INTEGER_BITS / 3
          || Math.abs((long) d.scale()) > MAX_INTEGER_BITS / 3) {
        throw new ValueTooLarge(
            "the query built a decimal with too many digits; values are bounded");
      }
      return value;
    }
    if (value.isNumber() || value.isBoolean()) {
      return value;
    }
    Node node = value.asNode();
    int length =
        node.isLiteral()
            ? node.getLiteralLexicalForm().length()
            : node.isURI() ? node.getURI().length() : 0;
    if (length > MAX_CHARS) {
      throw new ValueTooLarge(
          "the query built a string of over " + MAX_CHARS + " characters; values are bounded");
    }
    return value;
  }

  /** A function call's value, checked: the query still runs and the value is within bounds. */
  static final class Checked extends ExprFunction1 {
    Checked(Expr expr) {
      super(expr, "cmograph:checked");
    }

    @Override
    public NodeValue eval(NodeValue v, FunctionEnv env) {
      checkCancelled(cancelSignal(env));
      return checkSize(v);
    }

    @Override
    public NodeValue eval(NodeValue v) {
      return checkSize(v);
    }

    @Override
    public Expr copy(Expr expr) {
      return new Checked(expr);
    }
  }

  /** Java's regular expressions with SPARQL's flags; invalid ones are evaluation errors. */
  static Pattern compile(NodeValue pattern, NodeValue flags) {
    if (!pattern.isString()) {
      throw new ExprEvalException("REGEX: the pattern is not a string");
    }
    int bits = 0;
    if (flags != null) {
      if (!flags.isString()) {
        throw new ExprEvalException("REGEX: the flags are not a string");
      }
      for (char c : flags.getString().toCharArray()) {
        bits |=
            switch (c) {
              case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
              case 's' -> Pattern.DOTALL;
              case 'm' -> Pattern.MULTILINE;
              case 'x' -> Pattern.COMMENTS;
              case 'q' -> Pattern.LITERAL;
              default -> throw new ExprEvalException("REGEX: unknown flag '" + c + "'");
            };
      }
    }
    try {
      return Pattern.compile(pattern.getString(), bits);
    } catch (PatternSyntaxException e) {
      throw new ExprEvalException("REGEX: bad pattern");
    }
  }

  /** The lexical form of a string literal argument. */
  static String text(NodeValue v, String function) {
    Node n = v.asNode();
    if (!n.isLiteral() || !(v.isString() || v.isLangString())) {
      throw new ExprEvalException(function + ": not a string");
    }
    return n.getLiteralLexicalForm();
  }

  /** {@code REGEX} that stops matching once the query is cancelled. */
  static final class GuardedRegex extends E_Regex {
    GuardedRegex(ExprList args) {
      super(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
      String s = text(args.get(0), "REGEX");
      Pattern p = compile(args.get(1), args.size() > 2 ? args.get(2) : null);
      return NodeValue.booleanReturn(p.matcher(new CancellableChars(s, cancelSignal(env))).find());
    }

    @Override
    public Expr copy(ExprList newArgs) {
      return new GuardedRegex(newArgs);
    }
  }

  /** {@code REPLACE} that stops once the query is cancelled and never builds beyond the bound. */
  static final class GuardedReplace extends E_StrReplace {
    GuardedReplace(ExprList args) {
      super(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
    }

    @Override
    public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
      String s = text(args.get(0), "REPLACE");
      Pattern p = compile(args.get(1), args.size() > 3 ? args.get(3) : null);
      String replacement = text(args.get(2), "REPLACE");
      Deadline signal = cancelSignal(env);
      Matcher m = p.matcher(new CancellableChars(s, signal));
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        if (m.end() == m.start()) {
          throw new ExprEvalException("REPLACE: the pattern matches the empty string");
        }
        m.appendReplacement(out, replacement);
        if (out.length() > MAX_CHARS) {
          throw new ValueTooLarge(
              "the query built a string of over " + MAX_CHARS + " characters; values are bounded");
        }
      }
      m.appendTail(out);
      Node in = args.get(0).asNode();
      String lang = in.getLiteralLanguage();
      return NodeValue.makeNode(
          lang == null || lang.isEmpty()
              ? NodeFactory.createLiteralString(out.toString())
              : NodeFactory.createLiteralLang(out.toString(), lang));
    }

    @Override
    public Expr copy(ExprList newArgs) {
      return new GuardedReplace(newArgs);
    }
  }

  /**
   * A string that a regular expression engine reads through {@link #charAt}: once the query is
   * cancelled, the next character read throws, so even a catastrophically backtracking pattern
   * stops.
   */
  static final class CancellableChars implements CharSequence {
    private final String text;
    private final Deadline cancelled;
    private int reads;

    CancellableChars(String text, Deadline cancelled) {
      this.text = text;
      this.cancelled = cancelled;
    }

    @Override
    public char charAt(int index) {
      if ((++reads & 0x3ff) == 0) {
        checkCancelled(cancelled);
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new CancellableChars(text.substring(start, end), cancelled);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
