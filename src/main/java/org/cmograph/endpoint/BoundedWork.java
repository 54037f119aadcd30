package org.cmograph.endpoint;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.jena.graph.Node;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpMinus;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterDistinct;
import org.apache.jena.sparql.engine.iterator.QueryIterMinus;
import org.apache.jena.sparql.engine.iterator.QueryIterProcessBinding;
import org.apache.jena.sparql.engine.iterator.QueryIterSort;
import org.apache.jena.sparql.engine.iterator.QueryIterTopN;
import org.apache.jena.sparql.engine.join.Join;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;

/**
 * Bounds what a query holds in memory while it runs. ARQ keeps every solution that reaches an
 * {@code ORDER BY}, the groups and the values of an aggregate such as {@code GROUP_CONCAT}, every
 * distinct solution of a {@code DISTINCT}, and one side of a join it cannot stream; the time limit
 * alone lets a query fill the heap before it ends (a sorted cross product of the store grows by
 * hundreds of MiB a second). Each query gets a {@link Budget} of estimated bytes; every solution,
 * group key or aggregated value that ARQ will keep is charged to it, and a query over its budget
 * stops with {@link BoundedEvaluation.ValueTooLarge} (answered 400).
 *
 * <p>Installed as the query context's {@link OpExecutorFactory}: the executor is TDB2's own (which
 * works over any dataset), with the operators that keep solutions re-built over charged inputs.
 * ARQ's spill-to-disk setting ({@code arq:spillToDiskThreshold}) was not used: it covers sorting
 * and {@code DISTINCT} only, not groups or aggregates, and trades the heap for unbounded temporary
 * files.
 */
final class BoundedWork {
  private BoundedWork() {}

  /** Where a query's {@link Budget} is kept in its context. */
  static final Symbol BUDGET = Symbol.create("https://w3id.org/cmograph/endpoint#budget");

  /** Sets the executor in {@code context}: queries run with it charge their budget. */
  static void install(Context context) {
    QC.setFactory(context, FACTORY);
  }

  /** Gives the query run with {@code context} its own budget of {@code maxBytes}. */
  static void startBudget(Context context, long maxBytes) {
    context.set(BUDGET, new Budget(maxBytes));
  }

  private static final OpExecutorFactory FACTORY = Executor::new;

  /**
   * The estimated bytes a query may keep at once. An estimate, not a measurement: the text of each
   * term plus a fixed overhead per term and per solution, close to what a term costs on the heap
   * when it is not shared (terms read from the store often are, so the estimate errs high).
   */
  static final class Budget {
    private final long max;
    private long used;

    Budget(long max) {
      this.max = max;
    }

    void charge(long bytes) {
      used += bytes;
      if (used > max) {
        throw new BoundedEvaluation.ValueTooLarge(
            "the query keeps over "
                + (max >> 20)
                + " MiB of intermediate results (ORDER BY, GROUP BY, DISTINCT, GROUP_CONCAT or a"
                + " join); intermediate results are bounded: narrow the pattern or aggregate less");
      }
    }

    long used() {
      return used;
    }
  }

  /** The budget of the query running in {@code context}, or null when it has none. */
  static Budget budget(Context context) {
    return context == null ? null : (Budget) context.get(BUDGET);
  }

  /** The clock is read once every this many + 1 solutions (a power of two, less one). */
  static final long CLOCK_EVERY = 255;

  /** Estimated heap bytes of one term. */
  static long bytes(Node n) {
    return n == null ? 0 : 48 + GuardedQuery.bytes(n);
  }

  /**
   * Estimated heap bytes of one solution. Visits each binding level once ({@link Binding#forEach}):
   * looking each variable up by name from the top walks the chain of levels that every {@code BIND}
   * adds, once per variable, which made sizing the rows of a query with nine BINDs cost as much as
   * ~5 % of the query (JFR, evidence-for-mechanism at 10,000 studies).
   */
  static long bytes(Binding b) {
    Sizer sizer = new Sizer();
    b.forEach(sizer);
    return sizer.size;
  }

  /** Adds up the estimated bytes of the terms it is given. */
  private static final class Sizer implements BiConsumer<Var, Node> {
    long size = 32;

    @Override
    public void accept(Var var, Node node) {
      size += 16 + bytes(node);
    }
  }

  /**
   * Passes solutions on unchanged, charging each to the budget. With a {@code keep} limit (a top-N
   * sort keeps at most N), the charge is at most N times the largest solution seen.
   *
   * <p>It also watches the query's clock: the operators that keep solutions (a sort, a group, a
   * hash join's table) read their whole input while ARQ is still building the plan, before its
   * time-out can reach them, so a query past its time limit went on reading for as long as that
   * input took (seconds over a 2 s limit at 1,000 studies, minutes at 10,000).
   */
  static final class Charged extends QueryIterProcessBinding {
    private final Budget budget;
    private final BoundedEvaluation.Deadline deadline;
    private final long keep;
    private long count;
    private long total;
    private long largest;
    private long charged;

    Charged(QueryIterator input, ExecutionContext cxt, Budget budget, long keep) {
      super(input, cxt);
      this.budget = budget;
      this.deadline = BoundedEvaluation.cancelSignal(cxt);
      this.keep = keep;
    }

    @Override
    public Binding accept(Binding binding) {
      long size = bytes(binding);
      if ((count & CLOCK_EVERY) == 0) {
        BoundedEvaluation.checkCancelled(deadline);
      }
      count++;
      total += size;
      largest = Math.max(largest, size);
      long held = count <= keep ? total : Math.min(total, keep * largest);
      if (held > charged) {
        budget.charge(held - charged);
        charged = held;
      }
      return binding;
    }
  }

  /**
   * TDB2's executor with the operators that keep solutions over charged inputs: the input of a
   * sort, of a top-N sort and of a group, the output of {@code DISTINCT} (each distinct solution is
   * kept to filter later ones), the left side of a hash join and the right side of {@code OPTIONAL}
   * and {@code MINUS}.
   */
  private static final class Executor extends OpExecutorTDB2 {
    private final Budget budget;

    Executor(ExecutionContext cxt) {
      super(cxt);
      this.budget = budget(cxt.getContext());
    }

    private QueryIterator charged(QueryIterator input, long keep) {
      return budget == null ? input : new Charged(input, execCxt, budget, keep);
    }

    private QueryIterator charged(QueryIterator input) {
      return charged(input, Long.MAX_VALUE);
    }

    @Override
    protected QueryIterator execute(OpOrder op, QueryIterator input) {
      return new QueryIterSort(charged(exec(op.getSubOp(), input)), op.getConditions(), execCxt);
    }

    @Override
    protected QueryIterator execute(OpTopN op, QueryIterator input) {
      boolean distinct = op.getSubOp() instanceof OpDistinct;
      Op sub = distinct ? ((OpDistinct) op.getSubOp()).getSubOp() : op.getSubOp();
      List<SortCondition> conditions = op.getConditions();
      return new QueryIterTopN(
          charged(exec(sub, input), op.getLimit()), conditions, op.getLimit(), distinct, execCxt);
    }

    @Override
    protected QueryIterator execute(OpDistinct op, QueryIterator input) {
      List<SortCondition> conditions =
          op.getSubOp() instanceof OpOrder order ? order.getConditions() : null;
      return charged(new QueryIterDistinct(exec(op.getSubOp(), input), conditions, execCxt));
    }

    @Override
    protected QueryIterator execute(OpGroup op, QueryIterator input) {
      return new BoundedGroup(
          exec(op.getSubOp(), input), op.getGroupVars(), op.getAggregators(), execCxt, budget);
    }

    @Override
    protected QueryIterator execute(OpJoin op, QueryIterator input) {
      QueryIterator left = charged(exec(op.getLeft(), input));
      QueryIterator right = exec(op.getRight(), root());
      return Join.join(left, right, execCxt);
    }

    @Override
    protected QueryIterator execute(OpLeftJoin op, QueryIterator input) {
      QueryIterator left = exec(op.getLeft(), input);
      QueryIterator right = charged(exec(op.getRight(), root()));
      return Join.leftJoin(left, right, op.getExprs(), execCxt);
    }

    @Override
    protected QueryIterator execute(OpMinus op, QueryIterator input) {
      QueryIterator left = exec(op.getLeft(), input);
      QueryIterator right = charged(exec(op.getRight(), root()));
      Set<Var> common = OpVars.visibleVars(op.getLeft());
      common.retainAll(OpVars.visibleVars(op.getRight()));
      return QueryIterMinus.create(left, right, common, execCxt);
    }
  }
}
