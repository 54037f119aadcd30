package org.cmograph.exchange;

import java.nio.file.Path;
import java.util.List;

/**
 * A spreadsheet's cells as text, each with the row and column a spreadsheet program shows
 * (1-based), so every import problem can name its cell.
 *
 * @param file the CSV or workbook file
 * @param name the worksheet's name, or null for a CSV file
 * @param rows the non-blank rows, in order
 */
public record Sheet(Path file, String name, List<Row> rows) {

  /** One row; {@code cells} holds only non-blank cells, in column order. */
  public record Row(int number, List<Cell> cells) {
    public String text(int column) {
      for (Cell c : cells) {
        if (c.column() == column) {
          return c.text();
        }
      }
      return null;
    }
  }

  /** One non-blank cell. */
  public record Cell(int column, String text) {}

  /** A cell's name as a spreadsheet shows it: {@code C12}. */
  public static String cellName(int row, int column) {
    return columnLetters(column) + row;
  }

  /** 1 → A, 27 → AA. */
  public static String columnLetters(int column) {
    StringBuilder out = new StringBuilder();
    for (int c = column; c > 0; c = (c - 1) / 26) {
      out.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return out.toString();
  }

  /** "sheet 'CMOCs', cell C12" or "cell C12" for a CSV file, for messages. */
  public String where(int row, int column) {
    String cell = "cell " + cellName(row, column);
    return name == null ? cell : "sheet '" + name + "', " + cell;
  }

  /** "sheet 'CMOCs', row 12" or "row 12". */
  public String whereRow(int row) {
    return name == null ? "row " + row : "sheet '" + name + "', row " + row;
  }
}
