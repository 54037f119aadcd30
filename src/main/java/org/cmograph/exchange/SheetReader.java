package org.cmograph.exchange;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.cmograph.extraction.Position;
import org.cmograph.extraction.Problem;
import org.cmograph.util.StrictUtf8;

/**
 * Reads a spreadsheet (CSV, or an Excel workbook's sheet) into text cells with their row and
 * column. What would silently lose or change data is reported as a positioned problem instead:
 * merged cells (the value stands in one row only), formulas (the value is computed, not the text
 * the researcher copied), error cells, blank rows inside the table, CSV quoting errors.
 *
 * <pre>
 * List&lt;Problem&gt; problems = new ArrayList&lt;&gt;();
 * Optional&lt;Sheet&gt; sheet = new SheetReader().read(Path.of("cmocs.xlsx"), null, problems);
 * </pre>
 */
public final class SheetReader {
  /** Larger files are refused: a review's CMOC table is a few megabytes at most. */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  private static final Pattern CSV_FORMULA =
      Pattern.compile(
          "^=\\s*(?:[A-Za-z_][A-Za-z0-9_.]*\\(|\\$?[A-Za-z]{1,3}\\$?[0-9]+).*", Pattern.DOTALL);

  /** True for the file names this reader accepts. */
  public static boolean isSpreadsheet(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return isCsv(file) || n.endsWith(".xlsx") || n.endsWith(".xlsm") || n.endsWith(".xls");
  }

  static boolean isCsv(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".csv") || n.endsWith(".tsv");
  }

  /**
   * Reads {@code file}; for a workbook, the sheet named {@code sheetName} or else the first one.
   * Returns empty (with the reason in {@code problems}) when nothing can be read.
   */
  public Optional<Sheet> read(Path file, String sheetName, List<Problem> problems) {
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        problems.add(
            Problem.error(
                file,
                Position.START,
                "IMPORT-TOO-LARGE",
                "file is " + size + " bytes; spreadsheets are limited to " + MAX_BYTES + " bytes"));
        return Optional.empty();
      }
    } catch (IOException e) {
      problems.add(
          Problem.error(file, Position.START, "UNREADABLE", "cannot read: " + e.getMessage()));
      return Optional.empty();
    }
    return isCsv(file) ? readCsv(file, problems) : readWorkbook(file, sheetName, problems);
  }

  // ---- CSV ----

  private Optional<Sheet> readCsv(Path file, List<Problem> problems) {
    String text;
    try {
      text = decode(file, Files.readAllBytes(file), problems);
    } catch (IOException e) {
      problems.add(
          Problem.error(file, Position.START, "UNREADABLE", "cannot read: " + e.getMessage()));
      return Optional.empty();
    }
    if (text == null) {
      return Optional.empty();
    }
    char delimiter =
        file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv")
            ? '\t'
            : delimiter(text);
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
    List<RawRow> raw = new ArrayList<>();
    long recordsRead = 0;
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      for (CSVRecord record : parser) {
        recordsRead = record.getRecordNumber();
        List<Sheet.Cell> cells = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
          String value = record.get(i);
          if (value.isBlank()) {
            continue;
          }
          int row = (int) record.getRecordNumber();
          if (CSV_FORMULA.matcher(value.strip()).matches()) {
            problems.add(
                Problem.error(
                    file,
                    new Position(row, i + 1),
                    "IMPORT-FORMULA",
                    "cell "
                        + Sheet.cellName(row, i + 1)
                        + " holds a formula ("
                        + abbreviate(value.strip())
                        + "), not text; export the sheet with values, not formulas"));
          }
          cells.add(new Sheet.Cell(i + 1, value));
        }
        raw.add(new RawRow((int) record.getRecordNumber(), cells));
      }
    } catch (UncheckedIOException | IOException | IllegalStateException e) {
      int row = (int) recordsRead + 1;
      String message =
          e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
      problems.add(
          Problem.error(
              file,
              new Position(row, 1),
              "IMPORT-CSV-SYNTAX",
              "row "
                  + row
                  + " is not valid CSV"
                  + physicalLine(message)
                  + ": "
                  + String.valueOf(message)
                      .replaceAll("^\\(?startline \\d+\\)?\\s*", "")
                      .replaceAll("\\s*at line: ?\\d+, position: ?\\d+", "")
                  + " (a double quote inside a quoted cell must be doubled: \"\")"));
      return Optional.empty();
    }
    return Optional.of(sheet(file, null, raw, problems));
  }

  private static String physicalLine(String message) {
    if (message == null) {
      return "";
    }
    Matcher m = Pattern.compile("(?:startline |line: ?)(\\d+)").matcher(message);
    return m.find() ? " (text line " + m.group(1) + ")" : "";
  }

  /** The delimiter of the first line: comma, semicolon (Excel in many locales) or tab. */
  static char delimiter(String text) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted && c == ',') {
        commas++;
      } else if (!quoted && c == ';') {
        semicolons++;
      } else if (!quoted && c == '\t') {
        tabs++;
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    return tabs > commas ? '\t' : ',';
  }

  private static String decode(Path file, byte[] bytes, List<Problem> problems) {
    String text;
    try {
      text = StrictUtf8.decode(bytes);
    } catch (StrictUtf8.NotUtf8Exception e) {
      int line = 1;
      for (int i = 0; i < e.offset(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      problems.add(
          Problem.error(
              file,
              new Position(line, 1),
              "INVALID-UTF8",
              "text line " + line + " is not UTF-8; save the sheet as \"CSV UTF-8\""));
      return null;
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  // ---- workbooks ----

  private Optional<Sheet> readWorkbook(Path file, String sheetName, List<Problem> problems) {
    try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
      if (workbook.getNumberOfSheets() == 0) {
        problems.add(
            Problem.error(file, Position.START, "IMPORT-NO-TABLE", "the workbook has no sheet"));
        return Optional.empty();
      }
      org.apache.poi.ss.usermodel.Sheet sheet =
          sheetName == null ? workbook.getSheetAt(0) : workbook.getSheet(sheetName);
      if (sheet == null) {
        List<String> names = new ArrayList<>();
        workbook.forEach(s -> names.add(s.getSheetName()));
        problems.add(
            Problem.error(
                file,
                Position.START,
                "IMPORT-NO-SHEET",
                "no sheet named '"
                    + sheetName
                    + "'; the workbook has: "
                    + String.join(", ", names)));
        return Optional.empty();
      }
      String name = sheet.getSheetName();
      for (CellRangeAddress merged : sheet.getMergedRegions()) {
        int row = merged.getFirstRow() + 1;
        int col = merged.getFirstColumn() + 1;
        problems.add(
            Problem.error(
                file,
                new Position(row, col),
                "IMPORT-MERGED-CELLS",
                "sheet '"
                    + name
                    + "', cells "
                    + merged.formatAsString()
                    + " are merged: the value stands in its first cell only; unmerge them and"
                    + " repeat the value in every row"));
      }
      DataFormatter formatter = new DataFormatter(Locale.ROOT);
      List<RawRow> raw = new ArrayList<>();
      for (Row r : sheet) {
        int rowNumber = r.getRowNum() + 1;
        List<Sheet.Cell> cells = new ArrayList<>();
        for (Cell c : r) {
          int col = c.getColumnIndex() + 1;
          String where = "sheet '" + name + "', " + Sheet.cellName(rowNumber, col);
          CellType type = c.getCellType();
          String value;
          switch (type) {
            case FORMULA -> {
              problems.add(
                  Problem.error(
                      file,
                      new Position(rowNumber, col),
                      "IMPORT-FORMULA",
                      where
                          + " holds a formula (="
                          + abbreviate(c.getCellFormula())
                          + "), not text; paste the column as values"));
              value = "=" + c.getCellFormula();
            }
            case ERROR -> {
              problems.add(
                  Problem.error(
                      file,
                      new Position(rowNumber, col),
                      "IMPORT-CELL-ERROR",
                      where + " holds an error value (" + formatter.formatCellValue(c) + ")"));
              value = formatter.formatCellValue(c);
            }
            case BOOLEAN -> value = String.valueOf(c.getBooleanCellValue());
            case STRING -> value = c.getStringCellValue();
            case NUMERIC -> value = formatter.formatCellValue(c);
            default -> value = "";
          }
          if (!value.isBlank()) {
            cells.add(new Sheet.Cell(col, value));
          }
        }
        raw.add(new RawRow(rowNumber, cells));
      }
      return Optional.of(sheet(file, name, raw, problems));
    } catch (IOException | RuntimeException e) {
      problems.add(
          Problem.error(
              file,
              Position.START,
              "IMPORT-UNREADABLE-WORKBOOK",
              "cannot read the workbook: "
                  + e.getMessage()
                  + " (save it as .xlsx from Excel or LibreOffice, or as CSV UTF-8)"));
      return Optional.empty();
    }
  }

  private record RawRow(int number, List<Sheet.Cell> cells) {}

  /** Keeps the non-blank rows; a blank row between two filled ones is reported, then skipped. */
  private static Sheet sheet(Path file, String name, List<RawRow> raw, List<Problem> problems) {
    List<Sheet.Row> rows = new ArrayList<>();
    int lastFilled = -1;
    for (RawRow r : raw) {
      if (r.cells().isEmpty()) {
        continue;
      }
      if (lastFilled >= 0 && r.number() > lastFilled + 1) {
        int from = lastFilled + 1;
        int to = r.number() - 1;
        String which = from == to ? "row " + from + " is" : "rows " + from + "-" + to + " are";
        problems.add(
            Problem.warning(
                file,
                new Position(from, 1),
                "IMPORT-EMPTY-ROW",
                (name == null ? "" : "sheet '" + name + "', ")
                    + which
                    + " empty inside the table; skipped (delete empty rows, or check that"
                    + " nothing below them is a second table)"));
      }
      lastFilled = r.number();
      rows.add(new Sheet.Row(r.number(), List.copyOf(r.cells())));
    }
    return new Sheet(file, name, List.copyOf(rows));
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }
}
