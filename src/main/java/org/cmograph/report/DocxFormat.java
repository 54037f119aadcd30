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
 * Writes {@link Doc} blocks as a Word document (OOXML, through Apache POI's XWPF), since
 * realist reviews are written and co-edited in Word: headings are Word's own heading styles (so
 * they appear in the navigation pane and a table of contents), tables repeat their header row on
 * every page, quotes are indented paragraphs in the "Quote" style with their citation below, URLs
 * are hyperlinks and links to a section of the document are links to its bookmark.
 *
 * <p>The document is written deterministically: the core properties carry a fixed date (the
 * data-as-of date), and every id and name is derived from the content, so the same graph gives
 * the same bytes.
 *
 * <pre>
 * byte[] docx = new DocxFormat("Peer support", "2026-12-06")
 *     .write(List.of(new DocxFormat.Part(blocks, true)));
 * </pre>
 */
final class DocxFormat {
  /** A run of blocks laid out on pages of one orientation (wide tables go on landscape pages). */
  record Part(List<Doc.Block> blocks, boolean landscape) {}

  static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

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
   * @param date the date (yyyy-mm-dd) the core properties carry as created and modified date
   */
  DocxFormat(String title, String date) {
    this.title = title;
    this.date = date;
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
      return fixedTimes(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      doc = null;
    }
  }

  /**
   * The package with every zip entry dated at the data-as-of date: POI dates entries with the
   * time of writing, which would make two runs on the same graph differ.
   */
  private byte[] fixedTimes(byte[] docx) throws IOException {
    java.time.LocalDateTime when = java.time.LocalDate.parse(date).atStartOfDay();
    ByteArrayOutputStream out = new ByteArrayOutputStream(docx.length);
    try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx));
        java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
      for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
        copy.setTimeLocal(when);
        zip.putNextEntry(copy);
        in.transferTo(zip);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private void setUp() {
    try {
      doc.createStyles().setStyles(StylesDocument.Factory.parse(STYLES).getStyles());
      XWPFNumbering numbering = doc.createNumbering();
      CTAbstractNum bullets = NumberingDocument.Factory.parse(BULLETS).getNumbering().getAbstractNumArray(0);
      BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(bullets));
      bulletNum = numbering.addNum(abstractId);
    } catch (XmlException e) {
      throw new IllegalStateException("the built-in Word styles do not parse", e);
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
      size.setOrient(org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation.LANDSCAPE);
    }
    var margin = sect.addNewPgMar();
    for (var setter : List.<java.util.function.Consumer<BigInteger>>of(margin::setTop, margin::setBottom, margin::setLeft, margin::setRight)) {
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
    var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
    for (int w : columnWidths(t)) {
      grid.addNewGridCol().setW(BigInteger.valueOf(w));
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
   * Column widths (twips) that fill the text width of the page, shared by the columns as their
   * text is long (a column of numbers stays narrow, a column of statements gets room).
   */
  private int[] columnWidths(Doc.Table t) {
    int n = t.headers().size();
    double[] weight = new double[n];
    for (int c = 0; c < n; c++) {
      int longest = t.headers().get(c).length() / 2;
      long total = 0;
      for (List<List<Doc.Inline>> row : t.rows()) {
        int len = c < row.size() ? row.get(c).stream().mapToInt(i -> i.text().length()).sum() : 0;
        total += len;
      }
      double mean = t.rows().isEmpty() ? 0 : (double) total / t.rows().size();
      weight[c] = Math.max(10, Math.min(120, Math.max(longest, mean)));
    }
    double sum = java.util.Arrays.stream(weight).sum();
    int[] out = new int[n];
    int textWidth = landscape ? 16838 - 2 * 1134 : 11906 - 2 * 1134;
    for (int c = 0; c < n; c++) {
      out[c] = (int) Math.round(textWidth * weight[c] / sum);
    }
    return out;
  }

  private void inlines(XWPFParagraph p, List<Doc.Inline> content) {
    for (Doc.Inline i : content) {
      switch (i.kind()) {
        case TEXT, COUNT -> p.createRun().setText(oneLine(i.text()));
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
          String to = anchors.contains(i.target()) ? i.target() : anchors.contains("appendix-" + i.target()) ? "appendix-" + i.target() : null;
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
          throw new IllegalStateException("cannot read " + rc.getName() + " of " + value.getClass().getSimpleName(), e);
        }
      }
    }
  }

  private static boolean known(Doc.Block b) {
    return b instanceof Doc.Para || b instanceof Doc.Table || b instanceof Doc.Bullets
        || b instanceof Doc.Quote || b instanceof Doc.Diagram;
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

  /** The blocks of the section whose heading has {@code anchor}: it and everything below it. */
  static List<Doc.Block> slice(List<Doc.Block> blocks, String anchor) {
    List<Doc.Block> out = new ArrayList<>();
    int level = -1;
    for (Doc.Block b : blocks) {
      if (b instanceof Doc.Heading h) {
        if (level < 0 && anchor.equals(h.anchor())) {
          level = h.level();
        } else if (level >= 0 && h.level() <= level) {
          break;
        }
      }
      if (level >= 0) {
        out.add(b);
      }
    }
    return out;
  }

  /** The blocks with every heading moved by {@code by} levels (at least level 1). */
  static List<Doc.Block> shift(List<Doc.Block> blocks, int by) {
    return blocks.stream()
        .map(b -> b instanceof Doc.Heading h ? new Doc.Heading(Math.max(1, h.level() + by), h.text(), h.anchor()) : b)
        .toList();
  }

  private static final String STYLES =
      """
      <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:docDefaults>
          <w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>
            <w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>
          <w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault>
        </w:docDefaults>
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
        <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
          <w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:sz w:val="40"/><w:szCs w:val="40"/><w:color w:val="1F3864"/></w:rPr></w:style>
        %s
        <w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:next w:val="QuoteCitation"/><w:qFormat/>
          <w:pPr><w:keepNext/><w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="1565C0"/></w:pBdr>
            <w:spacing w:before="160" w:after="40"/><w:ind w:left="567" w:right="567"/></w:pPr>
          <w:rPr><w:i/><w:iCs/></w:rPr></w:style>
        <w:style w:type="paragraph" w:customStyle="1" w:styleId="QuoteCitation"><w:name w:val="Quote Citation"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
          <w:pPr><w:spacing w:after="160"/><w:ind w:left="567" w:right="567"/></w:pPr>
          <w:rPr><w:color w:val="455A64"/><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>
          <w:pPr><w:spacing w:after="40"/><w:ind w:left="360" w:hanging="360"/></w:pPr></w:style>
        <w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/>
          <w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/>
          <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>
            <w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
        <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>
          <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr>
          <w:tblPr><w:tblBorders>
            <w:top w:val="single" w:sz="4" w:space="0" w:color="90A4AE"/><w:left w:val="single" w:sz="4" w:space="0" w:color="90A4AE"/>
            <w:bottom w:val="single" w:sz="4" w:space="0" w:color="90A4AE"/><w:right w:val="single" w:sz="4" w:space="0" w:color="90A4AE"/>
            <w:insideH w:val="single" w:sz="4" w:space="0" w:color="90A4AE"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="90A4AE"/>
          </w:tblBorders></w:tblPr></w:style>
      </w:styles>
      """
          .formatted(headingStyles());

  /** Word's built-in "heading 1" to "heading 6" (the names Word recognises as its own). */
  private static String headingStyles() {
    int[] sizes = {32, 28, 24, 22, 20, 20};
    StringBuilder out = new StringBuilder();
    for (int i = 1; i <= 6; i++) {
      out.append(
          """
          <w:style w:type="paragraph" w:styleId="Heading%1$d"><w:name w:val="heading %1$d"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
            <w:uiPriority w:val="9"/><w:qFormat/>
            <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="%2$d" w:after="120"/><w:outlineLvl w:val="%3$d"/></w:pPr>
            <w:rPr><w:b/><w:bCs/><w:color w:val="%4$s"/><w:sz w:val="%5$d"/><w:szCs w:val="%5$d"/></w:rPr></w:style>
          """
              .formatted(i, i == 1 ? 360 : 240, i - 1, i <= 2 ? "1565C0" : "263238", sizes[i - 1]));
    }
    return out.toString();
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
