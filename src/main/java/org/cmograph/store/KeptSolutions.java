package org.cmograph.store;

import java.util.List;
import java.util.Set;
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
import org.apache.jena.sparql.engine.iterator.QueryIterDistinct;
import org.apache.jena.sparql.engine.iterator.QueryIterMinus;
import org.apache.jena.sparql.engine.iterator.QueryIterSort;
import org.apache.jena.sparql.engine.iterator.QueryIterTopN;
import org.apache.jena.sparql.engine.join.Join;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;

/**
 * TDB2's query executor ({@code OpExecutorTDB2}, a class internal to Jena, which works over any
 * dataset) with a {@link Hook} at each operator that keeps solutions in memory: the input of a
 * sort, of a top-N sort and of a group, the output of {@code DISTINCT} (each distinct solution is
 * kept to filter later ones), the left side of a hash join and the right side of {@code OPTIONAL}
 * and {@code MINUS}. The one class outside Jena that extends its executor (JenaInternalsTest); the
 * endpoint's work bound is its hook (BoundedWorkTest and HostileQueryIT would catch an upgrade
 * breaking it).
 *
 * <pre>
 * KeptSolutions.install(context, hook); // queries run with context call the hook
 * </pre>
 */
public final class KeptSolutions {
  private KeptSolutions() {}

  /** What the executor does where an operator keeps solutions. */
  public interface Hook {
    /**
     * {@code input}, whose solutions the operator will keep ({@code keep} at most, as a top-N sort
     * does; {@link Long#MAX_VALUE} otherwise), as the operator should read it.
     */
    QueryIterator kept(QueryIterator input, long keep, ExecutionContext cxt);

    /** The solutions of the {@code GROUP BY} {@code op} over {@code input}. */
    QueryIterator group(OpGroup op, QueryIterator input, ExecutionContext cxt);
  }

  /** Sets the executor in {@code context}: queries run with it call {@code hook}. */
  public static void install(Context context, Hook hook) {
    QC.setFactory(context, cxt -> new Executor(cxt, hook));
  }

  private static final class Executor extends OpExecutorTDB2 {
    private final Hook hook;

    Executor(ExecutionContext cxt, Hook hook) {
      super(cxt);
      this.hook = hook;
    }

    private QueryIterator kept(QueryIterator input) {
      return hook.kept(input, Long.MAX_VALUE, execCxt);
    }

    @Override
    protected QueryIterator execute(OpOrder op, QueryIterator input) {
      return new QueryIterSort(kept(exec(op.getSubOp(), input)), op.getConditions(), execCxt);
    }

    @Override
    protected QueryIterator execute(OpTopN op, QueryIterator input) {
      boolean distinct = op.getSubOp() instanceof OpDistinct;
      Op sub = distinct ? ((OpDistinct) op.getSubOp()).getSubOp() : op.getSubOp();
      List<SortCondition> conditions = op.getConditions();
      return new QueryIterTopN(
          hook.kept(exec(sub, input), op.getLimit(), execCxt),
          conditions,
          op.getLimit(),
          distinct,
          execCxt);
    }

    @Override
    protected QueryIterator execute(OpDistinct op, QueryIterator input) {
      List<SortCondition> conditions =
          op.getSubOp() instanceof OpOrder order ? order.getConditions() : null;
      return kept(new QueryIterDistinct(exec(op.getSubOp(), input), conditions, execCxt));
    }

    @Override
    protected QueryIterator execute(OpGroup op, QueryIterator input) {
      return hook.group(op, exec(op.getSubOp(), input), execCxt);
    }

    @Override
    protected QueryIterator execute(OpJoin op, QueryIterator input) {
      QueryIterator left = kept(exec(op.getLeft(), input));
      QueryIterator right = exec(op.getRight(), root());
      return Join.join(left, right, execCxt);
    }

    @Override
    protected QueryIterator execute(OpLeftJoin op, QueryIterator input) {
      QueryIterator left = exec(op.getLeft(), input);
      QueryIterator right = kept(exec(op.getRight(), root()));
      return Join.leftJoin(left, right, op.getExprs(), execCxt);
    }

    @Override
    protected QueryIterator execute(OpMinus op, QueryIterator input) {
      QueryIterator left = exec(op.getLeft(), input);
      QueryIterator right = kept(exec(op.getRight(), root()));
      Set<Var> common = OpVars.visibleVars(op.getLeft());
      common.retainAll(OpVars.visibleVars(op.getRight()));
      return QueryIterMinus.create(left, right, common, execCxt);
    }
  }
}
