package org.cmograph.rdf;

/** The made-up test log as a graph, for tests in other packages. */
public final class SelectionPipelineTestAccess {
  private SelectionPipelineTestAccess() {}

  public static SelectionGraphBuilder.SelectionGraph madeUp() {
    return SelectionPipelineTest.madeUp();
  }
}
