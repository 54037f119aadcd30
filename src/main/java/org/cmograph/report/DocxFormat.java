package org.cmograph.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBookmark;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHyperlink;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.NumberingDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

/**
 * Writes {@link Doc} blocks as a Word document (OOXML, through Apache POI's XWPF), since realist
 * reviews are written and co-edited in Word: headings are Word's own heading styles (so they appear
 * in the navigation pane and a table of contents), tables repeat their header row on every page,
 * quotes are indented paragraphs in the "Quote" style with their citation below, URLs are
 * hyperlinks and links to a section of the document are links to its bookmark.
 *
 * <p>Deterministic: a fixed date (the data-as-of date) and ids derived from the content give the
 * same bytes for the same graph.
 *
 * <pre>
 * byte[] docx = new DocxFormat("Peer support", "2026-12-06")
 *     .write(List.of(new DocxFormat.Part(blocks, true)));
 * </pre>
 */
final class DocxFormat {
  /** A run of blocks laid out on pages of one orientation (wide tables go on landscape pages). */
  record Part(List<Doc.Block> blocks, boolean landscape) {}

  /** The date when the graph gives none ("unknown"): the first day a zip entry can carry. */
  static final String NO_DATE = "1980-01-01";

  private final String title;
  private final String date;
  private XWPFDocument doc;
  private BigInteger bulletNum;
  private Set<String> anchors;
  private final Map<String, String> bookmarks = new HashMap<>();
  private int bookmarkId;
  private boolean landscape;

  /**
   * @param title the document's title (first paragraph and core properties)
   * @param date the created and modified date (yyyy-mm-dd); anything else gives {@link #NO_DATE}
   */
  DocxFormat(String title, String date) {
    this.title = title;
    this.date = date.matches("\\d{4}-\\d{2}-\\d{2}") ? date : NO_DATE;
  }

  /** The document, as the bytes of a .docx file. */
  byte[] write(List<Part> parts) {
    anchors = new TreeSet<>();
    for (Part p : parts) {
      p.blocks().stream()
          .filter(b -> b instanceof Doc.Heading h && h.anchor() != null)
          .forEach(b -> anchors.add(((Doc.Heading) b).anchor()));
    }
    try (XWPFDocument d = new XWPFDocument()) {
      doc = d;
      setUp();
      XWPFParagraph t = doc.createParagraph();
      t.setStyle("Title");
      t.createRun().setText(title);
      for (int i = 0; i < parts.size(); i++) {
        Part part = parts.get(i);
        landscape = part.landscape();
        for (Doc.Block b : part.blocks()) {
          block(b);
        }
        // A section ends with the properties of its pages: in the last paragraph of the section,
        // or (for the last one) in the body.
        CTSectPr sect =
            i < parts.size() - 1
                ? doc.createParagraph().getCTP().addNewPPr().addNewSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        page(sect, part.landscape());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return ZipTimes.fixed(out.toByteArray(), date);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      doc = null;
    }
  }

  private void setUp() {
    try {
      try (java.io.InputStream styles = DocxFormat.class.getResourceAsStream("docx-styles.xml")) {
        doc.createStyles().setStyles(StylesDocument.Factory.parse(styles).getStyles());
      }
      XWPFNumbering numbering = doc.createNumbering();
      CTAbstractNum bullets =
          NumberingDocument.Factory.parse(BULLETS).getNumbering().getAbstractNumArray(0);
      BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(bullets));
      bulletNum = numbering.addNum(abstractId);
    } catch (XmlException | IOException e) {
      throw new IllegalStateException("the built-in Word styles (docx-styles.xml) do not load", e);
    }
    var core = doc.getProperties().getCoreProperties();
    core.setTitle(title);
    core.setCreator("cmograph");
    try {
      core.setCreated(date + "T00:00:00Z");
      core.setModified(date + "T00:00:00Z");
    } catch (InvalidFormatException e) {
      throw new IllegalArgumentException("not a date: " + date, e);
    }
  }

  /** A4, in portrait or landscape, with 2 cm margins (twentieths of a point). */
  private static void page(CTSectPr sect, boolean landscape) {
    var size = sect.addNewPgSz();
    size.setW(BigInteger.valueOf(landscape ? 16838 : 11906));
    size.setH(BigInteger.valueOf(landscape ? 11906 : 16838));
    if (landscape) {
      size.setOrient(
          org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation.LANDSCAPE);
    }
    var margin = sect.addNewPgMar();
    for (var setter :
        List.<java.util.function.Consumer<BigInteger>>of(
            margin::setTop, margin::setBottom, margin::setLeft, margin::setRight)) {
      setter.accept(BigInteger.valueOf(1134));
    }
    margin.setHeader(BigInteger.valueOf(567));
    margin.setFooter(BigInteger.valueOf(567));
    margin.setGutter(BigInteger.ZERO);
  }

  private void block(Doc.Block b) {
    if (b instanceof Doc.Heading h) {
      XWPFParagraph p = doc.createParagraph();
      p.setStyle("Heading" + Math.min(Math.max(h.level(), 1), 6));
      if (h.anchor() != null) {
        CTBookmark start = p.getCTP().addNewBookmarkStart();
        start.setName(bookmark(h.anchor()));
        start.setId(BigInteger.valueOf(bookmarkId));
        p.createRun().setText(oneLine(h.text()));
        p.getCTP().addNewBookmarkEnd().setId(BigInteger.valueOf(bookmarkId++));
      } else {
        p.createRun().setText(oneLine(h.text()));
      }
    } else if (b instanceof Doc.Para para) {
      inlines(doc.createParagraph(), para.content());
    } else if (b instanceof Doc.Table t) {
      table(t);
    } else if (b instanceof Doc.Bullets l) {
      l.items().forEach(this::bullet);
    } else if (b instanceof Doc.Quote q) {
      XWPFParagraph p = doc.createParagraph();
      p.setStyle("Quote");
      p.createRun().setText(oneLine(q.quote()));
      XWPFParagraph c = doc.createParagraph();
      c.setStyle("QuoteCitation");
      inlines(c, q.citation());
    } else if (b instanceof Doc.Flow f) {
      XWPFParagraph p = doc.createParagraph();
      p.createRun().setText(oneLine(f.diagram().summary()));
      XWPFRun r = doc.createParagraph().createRun();
      r.setItalic(true);
      r.setText("The flow diagram is drawn in the HTML summaries.");
    } else if (b instanceof Doc.Diagram) {
      XWPFParagraph p = doc.createParagraph();
      XWPFRun r = p.createRun();
      r.setItalic(true);
      r.setText("The diagram is drawn in the HTML and Markdown summaries.");
    } else {
      generic(b);
    }
  }

  private void bullet(List<Doc.Inline> item) {
    XWPFParagraph p = doc.createParagraph();
    p.setStyle("ListBullet");
    p.setNumID(bulletNum);
    inlines(p, item);
  }

  private void table(Doc.Table t) {
    int columns = t.headers().size();
    XWPFTable table = doc.createTable(t.rows().size() + 1, columns);
    table.setStyleID("TableGrid");
    table.setWidth("100%");
    // The borders come from the table style; POI's own (without size or colour) would hide them.
    table.getCTTbl().getTblPr().unsetTblBorders();
    var grid =
        table.getCTTbl().getTblGrid() != null
            ? table.getCTTbl().getTblGrid()
            : table.getCTTbl().addNewTblGrid();
    int[] widths = columnWidths(t);
    for (int w : widths) {
      grid.addNewGridCol().setW(BigInteger.valueOf(w));
    }
    for (XWPFTableRow row : table.getRows()) {
      for (int c = 0; c < columns; c++) {
        row.getCell(c).setWidth(String.valueOf(widths[c]));
      }
    }
    XWPFTableRow header = table.getRow(0);
    header.setRepeatHeader(true);
    header.setCantSplitRow(true);
    for (int c = 0; c < columns; c++) {
      XWPFTableCell cell = header.getCell(c);
      cell.setColor("ECEFF1");
      XWPFRun r = cell.getParagraphs().get(0).createRun();
      r.setBold(true);
      r.setText(oneLine(t.headers().get(c)));
    }
    for (int i = 0; i < t.rows().size(); i++) {
      XWPFTableRow row = table.getRow(i + 1);
      List<List<Doc.Inline>> cells = t.rows().get(i);
      for (int c = 0; c < columns; c++) {
        inlines(row.getCell(c).getParagraphs().get(0), c < cells.size() ? cells.get(c) : List.of());
      }
    }
    // A table followed directly by another one would merge with it in Word.
    doc.createParagraph();
  }

  /**
   * Column widths (twips) that fill the text width of the page: shared by the square root of the
   * columns' mean text length (a column of numbers stays narrow, a column of statements gets room
   * without taking it all), and never narrower than the column's longest word.
   */
  private int[] columnWidths(Doc.Table t) {
    int n = t.headers().size();
    double[] weight = new double[n];
    for (int c = 0; c < n; c++) {
      long total = 0;
      int longestWord = longestWord(t.headers().get(c));
      for (List<List<Doc.Inline>> row : t.rows()) {
        String text =
            c < row.size()
                ? String.join("", row.get(c).stream().map(Doc.Inline::text).toList())
                : "";
        total += text.length();
        longestWord = Math.max(longestWord, longestWord(text));
      }
      double mean = t.rows().isEmpty() ? 0 : (double) total / t.rows().size();
      weight[c] = Math.min(16, Math.max(Math.max(2, Math.sqrt(mean)), longestWord * 0.3));
    }
    double sum = java.util.Arrays.stream(weight).sum();
    int[] out = new int[n];
    int textWidth = landscape ? 16838 - 2 * 1134 : 11906 - 2 * 1134;
    for (int c = 0; c < n; c++) {
      out[c] = (int) Math.round(textWidth * weight[c] / sum);
    }
    return out;
  }

  private static int longestWord(String s) {
    int longest = 0;
    for (String w : s.split("\\s+")) {
      longest = Math.max(longest, w.length());
    }
    return longest;
  }

  private void inlines(XWPFParagraph p, List<Doc.Inline> content) {
    for (Doc.Inline i : content) {
      switch (i.kind()) {
        case TEXT, COUNT, FILE -> p.createRun().setText(oneLine(i.text()));
        case STRONG -> {
          XWPFRun r = p.createRun();
          r.setBold(true);
          r.setText(oneLine(i.text()));
        }
        case EMPHASIS -> {
          XWPFRun r = p.createRun();
          r.setItalic(true);
          r.setText(oneLine(i.text()));
        }
        case LINK -> {
          XWPFHyperlinkRun r = p.createHyperlinkRun(i.target());
          r.setStyle("Hyperlink");
          r.setText(oneLine(i.text()));
        }
        case SECTION -> {
          String to =
              anchors.contains(i.target())
                  ? i.target()
                  : anchors.contains("appendix-" + i.target()) ? "appendix-" + i.target() : null;
          if (to == null) {
            p.createRun().setText(oneLine(i.text()));
          } else {
            CTHyperlink h = p.getCTP().addNewHyperlink();
            h.setAnchor(bookmark(to));
            CTR r = h.addNewR();
            r.addNewRPr().addNewRStyle().setVal("Hyperlink");
            r.addNewT().setStringValue(oneLine(i.text()));
          }
        }
      }
    }
  }

  /**
   * A block type this class has no case for (added to {@link Doc} later): its text, read from its
   * record components, as paragraphs and bullets, so nothing is silently dropped.
   */
  private void generic(Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof Doc.Block b && !(b instanceof Doc.Heading) && known(b)) {
      block(b);
    } else if (value instanceof Doc.Heading h) {
      block(h);
    } else if (value instanceof CharSequence s) {
      doc.createParagraph().createRun().setText(oneLine(s.toString()));
    } else if (value instanceof Optional<?> o) {
      generic(o.orElse(null));
    } else if (value instanceof Collection<?> c) {
      if (!c.isEmpty() && c.stream().allMatch(x -> x instanceof Doc.Inline)) {
        List<Doc.Inline> run = new ArrayList<>();
        c.forEach(x -> run.add((Doc.Inline) x));
        inlines(doc.createParagraph(), run);
      } else {
        c.forEach(this::generic);
      }
    } else if (value.getClass().isRecord()) {
      for (RecordComponent rc : value.getClass().getRecordComponents()) {
        try {
          rc.getAccessor().setAccessible(true);
          generic(rc.getAccessor().invoke(value));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(
              "cannot read " + rc.getName() + " of " + value.getClass().getSimpleName(), e);
        }
      }
    }
  }

  private static boolean known(Doc.Block b) {
    return b instanceof Doc.Para
        || b instanceof Doc.Table
        || b instanceof Doc.Bullets
        || b instanceof Doc.Quote
        || b instanceof Doc.Diagram
        || b instanceof Doc.Flow;
  }

  /**
   * A Word bookmark name for an anchor: Word allows letters, digits and underscores, at most 40
   * characters, starting with a letter; longer anchors keep their start and a hash of the whole.
   */
  private String bookmark(String anchor) {
    return bookmarks.computeIfAbsent(
        anchor,
        a -> {
          String name = "s_" + a.replaceAll("[^A-Za-z0-9]", "_");
          if (name.length() > 40) {
            name = name.substring(0, 31) + "_" + String.format("%08x", a.hashCode());
          }
          return name;
        });
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
  }

  private static final String BULLETS =
      """
      <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:abstractNum w:abstractNumId="0">
          <w:multiLevelType w:val="singleLevel"/>
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>
            <w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>
        </w:abstractNum>
      </w:numbering>
      """;
}
