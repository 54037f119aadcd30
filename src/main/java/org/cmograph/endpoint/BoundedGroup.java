package org.cmograph.endpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.iterator.IteratorDelayedInitialization;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AggAvg;
import org.apache.jena.sparql.expr.aggregate.AggCount;
import org.apache.jena.sparql.expr.aggregate.AggCountVar;
import org.apache.jena.sparql.expr.aggregate.AggMax;
import org.apache.jena.sparql.expr.aggregate.AggMin;
import org.apache.jena.sparql.expr.aggregate.AggNull;
import org.apache.jena.sparql.expr.aggregate.AggSample;
import org.apache.jena.sparql.expr.aggregate.AggSum;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * {@code GROUP BY} and aggregates as ARQ's {@code QueryIterGroup} computes them, with what they
 * keep charged to the query's {@link BoundedWork.Budget}: each new group key, and each value an
 * aggregate keeps ({@code GROUP_CONCAT}, {@code DISTINCT} aggregates, ARQ's {@code MEDIAN}, {@code
 * MODE} and {@code FOLD}). Aggregates that keep one value per group ({@code COUNT}, {@code SUM},
 * {@code AVG}, {@code MIN}, {@code MAX}, {@code SAMPLE}) cost nothing per solution, so counting
 * over millions of solutions stays bounded by the time limit only. A {@code DISTINCT} aggregate is
 * charged for every value it sees, repeated ones included (ARQ does not say which were new). Each
 * aggregate's value is also held to {@link BoundedEvaluation#MAX_CHARS}.
 */
final class BoundedGroup extends QueryIterPlainWrapper {
  private final QueryIterator input;

  BoundedGroup(
      QueryIterator input,
      VarExprList groupVars,
      List<ExprAggregator> aggregators,
      ExecutionContext cxt,
      BoundedWork.Budget budget) {
    super(null, cxt);
    this.input = input;
    List<ExprAggregator> charged = budget == null ? aggregators : charged(aggregators);
    setIterator(
        new IteratorDelayedInitialization<>() {
          @Override
          protected Iterator<Binding> initializeIterator() {
            return groups(input, groupVars, charged, cxt, budget);
          }
        });
  }

  @Override
  protected void requestCancel() {
    input.cancel();
    super.requestCancel();
  }

  @Override
  protected void closeIterator() {
    input.close();
    super.closeIterator();
  }

  /** Aggregates whose state does not grow with the solutions they see. */
  private static final Set<Class<?>> CONSTANT_STATE =
      Set.of(
          AggCount.class,
          AggCountVar.class,
          AggSum.class,
          AggAvg.class,
          AggMin.class,
          AggMax.class,
          AggSample.class,
          AggNull.class);

  private static List<ExprAggregator> charged(List<ExprAggregator> aggregators) {
    List<ExprAggregator> out = new ArrayList<>();
    for (ExprAggregator a : aggregators) {
      Aggregator agg = a.getAggregator();
      if (!CONSTANT_STATE.contains(agg.getClass()) && agg.getExprList() != null) {
        ExprList exprs = new ExprList();
        agg.getExprList().forEach(e -> exprs.add(new ChargedValue(e)));
        agg = agg.copy(exprs);
      }
      out.add(new ExprAggregator(a.getVar(), agg));
    }
    return out;
  }

  /** An aggregate's argument, charged to the budget each time it is evaluated. */
  static final class ChargedValue extends ExprFunction1 {
    ChargedValue(Expr expr) {
      super(expr, "cmograph:charged");
    }

    @Override
    public NodeValue eval(NodeValue v, FunctionEnv env) {
      BoundedWork.Budget budget = BoundedWork.budget(env == null ? null : env.getContext());
      if (budget != null && v != null) {
        budget.charge(BoundedWork.bytes(v.asNode()));
      }
      return v;
    }

    @Override
    public NodeValue eval(NodeValue v) {
      return v;
    }

    @Override
    public Expr copy(Expr expr) {
      return new ChargedValue(expr);
    }
  }

  private record Accumulation(Var var, Accumulator accumulator, boolean keepsSolutions) {}

  private static Iterator<Binding> groups(
      QueryIterator input,
      VarExprList groupVars,
      List<ExprAggregator> aggregators,
      ExecutionContext cxt,
      BoundedWork.Budget budget) {
    boolean hasAggregators = !aggregators.isEmpty();
    boolean hasGroupBy = !groupVars.isEmpty();
    if (!input.hasNext()) {
      if (hasGroupBy) {
        return Iter.nullIterator();
      }
      if (!hasAggregators) {
        return Iter.singletonIterator(BindingFactory.binding());
      }
      BindingBuilder empty = Binding.builder();
      for (ExprAggregator agg : aggregators) {
        Node value = agg.getAggregator().getValueEmpty();
        if (value != null) {
          empty.add(agg.getVar(), value);
        }
      }
      return Iter.singletonIterator(empty.build());
    }
    // A HashMap, as ARQ's group uses: the order of groups without ORDER BY stays the same.
    Map<Binding, List<Accumulation>> groups = new HashMap<>();
    BoundedEvaluation.Deadline deadline = BoundedEvaluation.cancelSignal(cxt);
    long seen = 0;
    while (input.hasNext()) {
      // Groups are made while ARQ builds the plan, before its time-out can stop the input.
      if ((seen++ & BoundedWork.CLOCK_EVERY) == 0) {
        BoundedEvaluation.checkCancelled(deadline);
      }
      Binding b = input.nextBinding();
      Binding key = key(groupVars, b, cxt);
      List<Accumulation> accs = groups.get(key);
      if (accs == null) {
        if (budget != null) {
          budget.charge(BoundedWork.bytes(key) + 48 + 64L * aggregators.size());
        }
        accs = new ArrayList<>(aggregators.size());
        for (ExprAggregator agg : aggregators) {
          Aggregator aggregator = agg.getAggregator();
          // COUNT(DISTINCT *) has no argument to charge: it keeps whole solutions.
          boolean keepsSolutions =
              budget != null
                  && aggregator.getExprList() == null
                  && !CONSTANT_STATE.contains(aggregator.getClass());
          accs.add(new Accumulation(agg.getVar(), aggregator.createAccumulator(), keepsSolutions));
        }
        groups.put(key, accs);
      }
      for (Accumulation a : accs) {
        if (a.keepsSolutions()) {
          budget.charge(BoundedWork.bytes(b));
        }
        a.accumulator().accumulate(b, cxt);
      }
    }
    if (!hasAggregators) {
      return groups.keySet().iterator();
    }
    List<Binding> results = new ArrayList<>(groups.size());
    for (Map.Entry<Binding, List<Accumulation>> group : groups.entrySet()) {
      BindingBuilder row = Binding.builder(group.getKey());
      for (Accumulation a : group.getValue()) {
        NodeValue value = a.accumulator().getValue();
        if (value != null) {
          row.add(a.var(), BoundedEvaluation.checkSize(value).asNode());
        }
      }
      results.add(row.build());
    }
    return results.iterator();
  }

  private static Binding key(VarExprList vars, Binding binding, ExecutionContext cxt) {
    BindingBuilder key = Binding.builder();
    for (Var var : vars.getVars()) {
      Node node = vars.get(var, binding, cxt);
      if (node != null) {
        key.add(var, node);
      }
    }
    return key.build();
  }
}
