package org.cmograph.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cmograph.exchange.SheetReader;
import org.cmograph.extraction.Problem;

/**
 * Builds .xlsx workbooks from CSV files with Apache POI, so the bundled example workbook and the
 * malformed workbooks of the tests are made from real spreadsheets reproducibly, never edited by
 * hand: {@code Workbooks.fromCsv(csv, xlsx, "CMOCs", sheet -> sheet.addMergedRegion(...))}.
 */
public final class Workbooks {
  private Workbooks() {}

  /** The rows of a CSV file as text (blank cells as ""). */
  public static List<List<String>> rows(Path csv) {
    List<Problem> problems = new ArrayList<>();
    var sheet =
        new SheetReader().read(csv, null, problems).orElseThrow(() -> new AssertionError(problems));
    List<List<String>> rows = new ArrayList<>();
    for (var row : sheet.rows()) {
      List<String> cells = new ArrayList<>();
      for (var cell : row.cells()) {
        while (cells.size() < cell.column() - 1) {
          cells.add("");
        }
        cells.add(cell.text());
      }
      rows.add(cells);
    }
    return rows;
  }

  /**
   * Writes the CSV's rows as one sheet (headers bold, long texts wrapped), then lets {@code edit}
   * spoil it.
   */
  public static void fromCsv(Path csv, Path xlsx, String sheetName, Consumer<Sheet> edit)
      throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      Sheet sheet = workbook.createSheet(sheetName);
      CellStyle header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      CellStyle wrap = workbook.createCellStyle();
      wrap.setWrapText(true);
      List<List<String>> rows = rows(csv);
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) {
          String text = rows.get(r).get(c);
          if (text.isEmpty()) {
            continue;
          }
          var cell = row.createCell(c);
          cell.setCellValue(text);
          cell.setCellStyle(r == 0 ? header : wrap);
        }
      }
      for (int c = 0; c < rows.get(0).size(); c++) {
        sheet.setColumnWidth(c, 30 * 256);
      }
      sheet.createFreezePane(0, 1);
      edit.accept(sheet);
      // Fixed document dates, so the same CSV gives the same workbook content.
      var props = workbook.getProperties().getCoreProperties();
      props.setCreated(java.util.Optional.of(new java.util.Date(0)));
      props.setModified(java.util.Optional.of(new java.util.Date(0)));
      props.setCreator("cmograph tests (Workbooks.fromCsv)");
      Files.createDirectories(xlsx.toAbsolutePath().getParent());
      try (OutputStream out = Files.newOutputStream(xlsx)) {
        workbook.write(out);
      }
    }
  }
}
