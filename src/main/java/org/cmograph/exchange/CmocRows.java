package org.cmograph.exchange;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cmograph.extraction.SheetLayout.Column;

/** The rows of one CMOC, with the CMOC-level cells it has so far and the row each came from. */
final class CmocRows {
  final Sheet.Row first;
  final Map<Column, String> values = new EnumMap<>(Column.class);
  final Map<Column, Integer> rowOf = new EnumMap<>(Column.class);
  final List<Sheet.Row> rows = new ArrayList<>();
  String id;
  String labelFallback;

  CmocRows(Sheet.Row first) {
    this.first = first;
  }
}
