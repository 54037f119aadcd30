package org.cmograph.endpoint;

import java.util.Optional;
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
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

/**
 * What the endpoint refuses to run, whoever asks: anything that would make the server fetch from
 * another address ({@code SERVICE}, {@code LOAD}) or run code named in the request (ARQ script
 * functions, {@code java:} function IRIs, and {@code CALL}, which can name either at run time).
 * The check walks the compiled algebra, so subqueries, {@code EXISTS}, aggregates and ordering
 * are covered, and runs before any data is read. Refusals are messages for the client.
 */
final class QueryPolicy {
  private QueryPolicy() {}

  /** Why {@code query} may not run here, or empty if it may. */
  static Optional<String> refusal(Query query) {
    Finder finder = new Finder();
    finder.walk(Algebra.compile(query));
    return Optional.ofNullable(finder.reason);
  }

  /** Why {@code request} may not run here, or empty if it may. */
  static Optional<String> refusal(UpdateRequest request) {
    Finder finder = new Finder();
    for (Update update : request.getOperations()) {
      if (update instanceof UpdateLoad load) {
        return Optional.of(
            "LOAD <" + load.getSource() + "> refused: this endpoint never fetches remote documents;"
                + " send the data with the Graph Store Protocol instead");
      }
      if (update instanceof UpdateModify modify && modify.getWherePattern() != null) {
        finder.walk(Algebra.compile(modify.getWherePattern()));
      }
      if (finder.reason != null) {
        break;
      }
    }
    return Optional.ofNullable(finder.reason);
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
              }
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
