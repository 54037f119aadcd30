package org.cmograph.extraction;

/** A 1-based line and column in an input file. */
public record Position(int line, int column) {
  public static final Position START = new Position(1, 1);
}
