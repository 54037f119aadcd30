package org.cmograph.endpoint;

import java.util.Iterator;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.servlets.ActionLib;
import org.apache.jena.fuseki.servlets.GSP_R;
import org.apache.jena.fuseki.servlets.GraphTarget;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Graph Store Protocol reads ({@code GET /cmo/get}) with the query path's limits: a place from the
 * same {@link QueryGate}, at most {@code maxItems} triples (or quads) and {@link
 * GuardedQuery#MAX_RESULT_BYTES} bytes, a cut said in {@value EndpointServer#TRUNCATED_HEADER}. The
 * triples are copied out within the read transaction and the place is given back before the
 * response is written, so a slow reader holds no place.
 */
final class GuardedGraphRead extends GSP_R {
  private final int maxItems;
  private final QueryGate gate;

  GuardedGraphRead(int maxItems, QueryGate gate) {
    this.maxItems = maxItems;
    this.gate = gate;
  }

  private void enter(HttpAction action) {
    if (!gate.enter()) {
      action.setResponseHeader("Retry-After", "5");
      ServletOps.error(503, "Busy: " + gate.size() + " queries are running; try again shortly");
    }
  }

  /** Counts items and bytes; false once the next item would go over the cap (and says so). */
  private final class Cap {
    private final HttpAction action;
    private long items;
    private long bytes;
    private boolean cut;

    Cap(HttpAction action) {
      this.action = action;
    }

    boolean fits() {
      if (items < maxItems && bytes < GuardedQuery.MAX_RESULT_BYTES) {
        return true;
      }
      if (!cut) {
        cut = true;
        action.setResponseHeader(EndpointServer.TRUNCATED_HEADER, "true");
      }
      return false;
    }

    void add(Node... nodes) {
      items++;
      for (Node n : nodes) {
        bytes += GuardedQuery.bytes(n);
      }
    }
  }

  @Override
  protected void execGetGSP(HttpAction action) {
    ActionLib.setCommonHeaders(action);
    MediaType mediaType = ActionLib.contentNegotationRDF(action);
    Lang lang = RDFLanguages.contentTypeToLang(mediaType.getContentTypeStr());
    if (lang == null) {
      lang = Lang.TURTLE;
    }
    action.setResponseHeader(EndpointServer.MAX_ROWS_HEADER, Integer.toString(maxItems));
    Graph copy = GraphFactory.createDefaultGraph();
    enter(action);
    try {
      action.beginRead();
      try {
        GraphTarget target = GraphTarget.determineTargetGSP(action.getActiveDSG(), action);
        if (!target.exists()) {
          ServletOps.errorNotFound("No such graph: " + target.label());
        }
        Cap cap = new Cap(action);
        Iterator<Triple> it = target.graph().find();
        while (it.hasNext() && cap.fits()) {
          Triple t = it.next();
          cap.add(t.getSubject(), t.getPredicate(), t.getObject());
          copy.add(t);
        }
      } finally {
        action.endRead();
      }
    } finally {
      gate.leave();
    }
    ActionLib.graphResponse(action, copy, lang);
    ServletOps.success(action);
  }

  @Override
  protected void execGetQuads(HttpAction action) {
    ActionLib.setCommonHeaders(action);
    MediaType mediaType = ActionLib.contentNegotationQuads(action);
    Lang lang = RDFLanguages.contentTypeToLang(mediaType.getContentTypeStr());
    if (lang == null) {
      lang = Lang.NQUADS;
    }
    action.setResponseHeader(EndpointServer.MAX_ROWS_HEADER, Integer.toString(maxItems));
    DatasetGraph copy = DatasetGraphFactory.create();
    enter(action);
    try {
      action.beginRead();
      try {
        Cap cap = new Cap(action);
        Iterator<Quad> it = action.getActiveDSG().find();
        while (it.hasNext() && cap.fits()) {
          Quad q = it.next();
          cap.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
          copy.add(q);
        }
      } finally {
        action.endRead();
      }
    } finally {
      gate.leave();
    }
    ActionLib.datasetResponse(action, copy, lang);
    ServletOps.success(action);
  }
}
