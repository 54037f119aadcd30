package org.cmograph.endpoint;

import java.util.function.BiConsumer;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterProcessBinding;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;
import org.cmograph.store.KeptSolutions;

/**
 * Bounds what a query holds in memory while it runs. ARQ keeps every solution that reaches an
 * {@code ORDER BY}, the groups and the values of an aggregate such as {@code GROUP_CONCAT}, every
 * distinct solution of a {@code DISTINCT}, and one side of a join it cannot stream; the time limit
 * alone lets a query fill the heap before it ends (a sorted cross product of the store grows by
 * hundreds of MiB a second). Each query gets a {@link Budget} of estimated bytes; every solution,
 * group key or aggregated value that ARQ will keep is charged to it, and a query over its budget
 * stops with {@link BoundedEvaluation.ValueTooLarge} (answered 400).
 *
 * <p>Installed in the query context with {@link KeptSolutions}: TDB2's own executor (which works
 * over any dataset), whose operators that keep solutions read charged inputs. ARQ's spill-to-disk
 * setting ({@code arq:spillToDiskThreshold}) was not used: it covers sorting and {@code DISTINCT}
 * only, not groups or aggregates, and trades the heap for unbounded temporary files.
 */
final class BoundedWork {
  private BoundedWork() {}

  /** Where a query's {@link Budget} is kept in its context. */
  static final Symbol BUDGET = Symbol.create("https://w3id.org/cmograph/endpoint#budget");

  /** Sets the executor in {@code context}: queries run with it charge their budget. */
  static void install(Context context) {
    KeptSolutions.install(context, HOOK);
  }

  /** Gives the query run with {@code context} its own budget of {@code maxBytes}. */
  static void startBudget(Context context, long maxBytes) {
    context.set(BUDGET, new Budget(maxBytes));
  }

  /**
   * Charges what each operator keeps to the query's budget (when it has one), and groups with
   * {@link BoundedGroup}, which charges its keys and aggregated values.
   */
  private static final KeptSolutions.Hook HOOK =
      new KeptSolutions.Hook() {
        @Override
        public QueryIterator kept(QueryIterator input, long keep, ExecutionContext cxt) {
          Budget budget = budget(cxt.getContext());
          return budget == null ? input : new Charged(input, cxt, budget, keep);
        }

        @Override
        public QueryIterator group(OpGroup op, QueryIterator input, ExecutionContext cxt) {
          return new BoundedGroup(
              input, op.getGroupVars(), op.getAggregators(), cxt, budget(cxt.getContext()));
        }
      };

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
}
