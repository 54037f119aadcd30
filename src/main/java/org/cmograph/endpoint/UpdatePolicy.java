package org.cmograph.endpoint;

import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.algebra.Algebra;
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
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.expr.E_Call;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.aggregate.AggCustom;
import org.apache.jena.sparql.modify.request.UpdateAdd;
import org.apache.jena.sparql.modify.request.UpdateClear;
import org.apache.jena.sparql.modify.request.UpdateCopy;
import org.apache.jena.sparql.modify.request.UpdateCreate;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.modify.request.UpdateMove;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;
import org.apache.jena.vocabulary.XSD;

/**
 * What the update path accepts: a request parsed whole as plain SPARQL 1.1 Update (by {@link
 * GuardedUpdate}, before anything runs), made only of operations that stay inside the dataset —
 * {@code INSERT DATA}, {@code DELETE DATA}, {@code DELETE WHERE}, {@code DELETE/INSERT ... WHERE},
 * {@code CLEAR}, {@code DROP}, {@code CREATE}, {@code ADD}, {@code COPY}, {@code MOVE}. Refused:
 * {@code LOAD} (reads a file or URL of the client's choosing; loads go through {@code cmograph
 * load}), {@code SERVICE} anywhere in a {@code WHERE}, and every function named by an IRI except
 * SPARQL 1.1's XSD casts, so no extension function, {@code java:} class, script or custom
 * aggregate can run or reach outside. This is stricter than the query path on purpose: a curator's
 * writes need SPARQL's keyword built-ins only. Refusals are messages for the client.
 */
final class UpdatePolicy {
  /** The function IRIs SPARQL 1.1 itself defines (section 17.5, XPath constructor functions). */
  static final Set<String> BUILT_IN_FUNCTION_IRIS =
      Set.of(
          XSD.xboolean.getURI(),
          XSD.xdouble.getURI(),
          XSD.xfloat.getURI(),
          XSD.decimal.getURI(),
          XSD.integer.getURI(),
          XSD.dateTime.getURI(),
          XSD.xstring.getURI());

  private UpdatePolicy() {}

  /** Why {@code request} may not run here, or empty if it may. */
  static Optional<String> refusal(UpdateRequest request) {
    Finder finder = new Finder();
    for (Update update : request.getOperations()) {
      finder.check(update);
      if (finder.reason != null) {
        break;
      }
    }
    return Optional.ofNullable(finder.reason);
  }

  /** Finds the first refused operation, pattern or function in an update. */
  private static final class Finder extends OpVisitorBase {
    String reason;

    void check(Update update) {
      if (update instanceof UpdateLoad load) {
        refuse(
            "LOAD <" + load.getSource() + "> refused: this endpoint never reads files or fetches"
                + " documents; load data with 'cmograph load' or send it with the Graph Store"
                + " Protocol");
      } else if (update instanceof UpdateModify modify) {
        if (modify.getWherePattern() != null) {
          walk(Algebra.compile(modify.getWherePattern()));
        }
      } else if (update instanceof UpdateDeleteWhere deleteWhere) {
        deleteWhere.getQuads().stream().map(Quad::getPredicate).forEach(this::predicate);
      } else if (!(update instanceof UpdateDataInsert
          || update instanceof UpdateDataDelete
          || update instanceof UpdateClear
          || update instanceof UpdateDrop
          || update instanceof UpdateCreate
          || update instanceof UpdateAdd
          || update instanceof UpdateCopy
          || update instanceof UpdateMove)) {
        refuse(update.getClass().getSimpleName() + " refused: not a SPARQL 1.1 update operation");
      }
    }

    private void walk(Op op) {
      OpWalker.walk(op, this);
    }

    private void refuse(String why) {
      if (reason == null) {
        reason = why;
      }
    }

    /** A predicate naming a Java class would run it as a property function where those are on. */
    private void predicate(Node p) {
      if (p.isURI() && p.getURI().startsWith("java:")) {
        refuse("java: property functions are disabled on this endpoint: <" + p.getURI() + ">");
      }
    }

    private void expr(Expr e) {
      if (e == null || reason != null) {
        return;
      }
      if (e instanceof E_Call) {
        refuse("CALL() refused: it can name any function at run time");
      } else if (e instanceof E_Function f
          && !BUILT_IN_FUNCTION_IRIS.contains(f.getFunctionIRI())) {
        refuse(
            "function <" + f.getFunctionIRI() + "> refused: updates may use SPARQL 1.1's"
                + " built-in functions only");
      }
      if (e instanceof ExprFunctionOp exists) {
        walk(exists.getGraphPattern());
      }
      if (e instanceof ExprFunction function) {
        function.getArgs().forEach(this::expr);
      }
      if (e instanceof ExprAggregator aggregator) {
        if (aggregator.getAggregator() instanceof AggCustom custom) {
          refuse(
              "custom aggregate <" + custom.getIRI() + "> refused: updates may use SPARQL 1.1's"
                  + " built-in aggregates only");
        }
        exprs(aggregator.getAggregator().getExprList());
      }
    }

    private void exprs(ExprList list) {
      if (list != null) {
        list.forEach(this::expr);
      }
    }

    @Override
    public void visit(OpService op) {
      refuse(
          "SERVICE <" + op.getService() + "> refused: this endpoint makes no requests to other"
              + " servers");
    }

    @Override
    public void visit(OpPropFunc op) {
      refuse("property function <" + op.getProperty() + "> refused on the update path");
    }

    @Override
    public void visit(OpProcedure op) {
      refuse("procedure <" + op.getProcId() + "> refused on the update path");
    }

    @Override
    public void visit(OpBGP op) {
      op.getPattern().getList().stream().map(Triple::getPredicate).forEach(this::predicate);
    }

    @Override
    public void visit(OpTriple op) {
      predicate(op.getTriple().getPredicate());
    }

    @Override
    public void visit(OpQuadPattern op) {
      op.getPattern().getList().stream().map(Quad::getPredicate).forEach(this::predicate);
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
      op.getVarExprList().forEachExpr((v, e) -> expr(e));
    }

    @Override
    public void visit(OpAssign op) {
      op.getVarExprList().forEachExpr((v, e) -> expr(e));
    }

    @Override
    public void visit(OpUnfold op) {
      expr(op.getExpr());
    }

    @Override
    public void visit(OpGroup op) {
      op.getGroupVars().forEachExpr((v, e) -> expr(e));
      op.getAggregators().forEach(this::expr);
    }

    @Override
    public void visit(OpOrder op) {
      op.getConditions().stream().map(SortCondition::getExpression).forEach(this::expr);
    }

    @Override
    public void visit(OpTopN op) {
      op.getConditions().stream().map(SortCondition::getExpression).forEach(this::expr);
    }
  }
}
