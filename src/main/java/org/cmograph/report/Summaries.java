package org.cmograph.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.cmograph.util.Suggest;
import org.cmograph.store.CmoStore;

/**
 * Evidence summaries for programme-theory authors, written from the graph: per mechanism concept
 * and per theory CMOC, the studies, CMO table, enabling and blocking contexts, outcomes, evidence
 * by perspective, key quotes, conflicts, gaps and a GRADE-CERQual profile; plus the theory
 * diagram, the evidence matrix and the CERQual tables (also as CSV). The same graph always gives
 * the same bytes: the only date is the "data as of" date read from the data.
 *
 * <pre>
 * Summaries s = Summaries.read(store);
 * String md = s.document(Summaries.Format.MD, Summaries.Selection.ALL);
 * s.write(Path.of("target/summaries"), Summaries.Format.HTML, Summaries.Selection.ALL);
 * Summaries.writeHtmlSite(store, Path.of("site/summaries"));   // what the endpoint serves
 * </pre>
 */
public final class Summaries {
  /** Output formats. */
  public enum Format {
    MD("md"),
    HTML("html"),
    /** The same content as data, with the evidence ids behind every count ({@link JsonFormat}). */
    JSON("json");

    public final String extension;

    Format(String extension) {
      this.extension = extension;
    }
  }

  /** Which sections to write; both lists empty means everything. */
  public record Selection(List<String> mechanisms, List<String> theoryCmocs) {
    public static final Selection ALL = new Selection(List.of(), List.of());

    public boolean all() {
      return mechanisms.isEmpty() && theoryCmocs.isEmpty();
    }
  }

  public static final String SOQF_CSV = "summary-of-qualitative-findings.csv";
  public static final String EVIDENCE_PROFILE_CSV = "evidence-profile.csv";
  public static final String MATRIX_CSV = "evidence-matrix.csv";

  private final EvidenceBase base;
  private final Optional<SelectionFlow> selection;
  private final SummaryWriter writer;
  private final List<String> theoryIds;
  private final List<String> mechanismIds;
  private final Map<String, Section> built = new java.util.HashMap<>();

  public Summaries(EvidenceBase base) {
    this(base, Optional.empty());
  }

  /** @param selection the search and selection log, drawn in the overview when present */
  public Summaries(EvidenceBase base, Optional<SelectionFlow> selection) {
    this.base = base;
    this.selection = selection;
    this.writer =
        new SummaryWriter(base, selection.map(f -> SelectionSection.blocks(f, base)).orElse(List.of()));
    this.theoryIds =
        base.theory().map(t -> t.cmocs().stream().map(EvidenceBase.TheoryCmoc::id).toList()).orElse(List.of());
    this.mechanismIds = base.summarisedConcepts();
  }

  /** Reads the whole evidence base from the store (SPARQL over the union of its graphs). */
  public static Summaries read(CmoStore store) {
    return new Summaries(
        new EvidenceReader(store.dataset()).read(), new SelectionReader(store.dataset()).read());
  }

  /**
   * Reads what {@link #document} needs for {@code selection}: everything when it selects all,
   * otherwise only the evidence of the selected sections (a partial base, see {@link
   * EvidenceBase}), which is much less on a large store. {@link #check} works on either; {@link
   * #pages} (with its CSV tables of the whole theory) needs the whole base.
   */
  public static Summaries read(CmoStore store, Selection selection) {
    if (selection.all()) {
      return read(store);
    }
    return new Summaries(
        new EvidenceReader(store.dataset()).read(selection.mechanisms(), selection.theoryCmocs()));
  }

  public EvidenceBase base() {
    return base;
  }

  /** The search and selection log the overview draws, if the store holds one. */
  public Optional<SelectionFlow> selection() {
    return selection;
  }

  public List<Section> theorySections() {
    requireComplete("every theory section");
    return theoryIds.stream().map(this::theorySection).toList();
  }

  public List<Section> mechanismSections() {
    requireComplete("every mechanism section");
    return mechanismIds.stream().map(this::mechanismSection).toList();
  }

  private void requireComplete(String what) {
    if (!base.complete()) {
      throw new IllegalStateException(what + " needs the whole evidence base; read it with Summaries.read(store)");
    }
  }

  private synchronized Section theorySection(String id) {
    return built.computeIfAbsent(
        "theory/" + id,
        k ->
            Section.theory(
                base,
                base.theory().orElseThrow().cmocs().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow()));
  }

  private synchronized Section mechanismSection(String id) {
    return built.computeIfAbsent("mechanism/" + id, k -> Section.mechanism(base, id));
  }

  /** Problems with a selection (unknown ids, with suggestions); empty when it is fine. */
  public List<String> check(Selection selection) {
    List<String> problems = new ArrayList<>();
    for (String m : selection.mechanisms()) {
      if (!mechanismIds.contains(m)) {
        problems.add(
            "no mechanism '" + m + "' with evidence or in the theory"
                + Suggest.didYouMean(m, mechanismIds)
                + (base.concept(m).isPresent() ? " (it is in the catalogue, but no study or theory CMOC names it)" : ""));
      }
    }
    for (String t : selection.theoryCmocs()) {
      if (!theoryIds.contains(t)) {
        problems.add(
            theoryIds.isEmpty()
                ? "no programme theory in the store, so no theory CMOC '" + t + "'"
                : "no theory CMOC '" + t + "'" + Suggest.didYouMean(t, theoryIds));
      }
    }
    return problems;
  }

  private List<Section> selected(Selection sel) {
    List<Section> out = new ArrayList<>();
    for (String t : sel.theoryCmocs()) {
      if (theoryIds.contains(t)) {
        out.add(theorySection(t));
      }
    }
    for (String m : sel.mechanisms()) {
      if (mechanismIds.contains(m)) {
        out.add(mechanismSection(m));
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // One document (standard output)
  // ------------------------------------------------------------------------------------------

  /** Everything (or the selection) as one document. */
  public String document(Format format, Selection sel) {
    List<Doc.Block> blocks = new ArrayList<>();
    if (sel.all()) {
      List<Section> theory = theorySections();
      List<Section> mechanisms = mechanismSections();
      blocks.addAll(writer.overview(theory, mechanisms));
      blocks.addAll(EvidenceAppendix.overviewLink(2));
      for (Section s : theory) {
        blocks.addAll(writer.section(s, 2));
      }
      for (Section s : mechanisms) {
        blocks.addAll(writer.section(s, 2));
      }
      blocks.addAll(new EvidenceAppendix(base).blocks(2));
    } else {
      blocks.add(new Doc.Heading(1, "Evidence summaries", "top"));
      blocks.add(new Doc.Para(writer.dataAsOf()));
      for (Section s : selected(sel)) {
        blocks.addAll(writer.section(s, 2));
      }
    }
    Set<String> present = anchors(blocks);
    Function<String, String> href = slug -> present.contains(slug) ? "#" + slug : null;
    String title = base.theory().map(EvidenceBase.Theory::title).orElse("Evidence summaries");
    return switch (format) {
      case MD -> new MarkdownFormat(href).write(blocks);
      case HTML -> new HtmlFormat(href).page(title, List.of(), blocks);
      case JSON -> new JsonFormat(href).write(title, null, blocks);
    };
  }

  private static Set<String> anchors(List<Doc.Block> blocks) {
    Set<String> out = new TreeSet<>();
    for (Doc.Block b : blocks) {
      if (b instanceof Doc.Heading h && h.anchor() != null) {
        out.add(h.anchor());
      }
    }
    return out;
  }

  /**
   * The Summary of Qualitative Findings and the Evidence Profile (on landscape pages) and the
   * evidence appendix, as one Word document: what review teams co-edit. Needs the whole base.
   */
  public byte[] docx() {
    requireComplete("the Word document (the tables of the whole theory)");
    List<Doc.Block> overview = writer.overview(theorySections(), mechanismSections());
    List<Doc.Block> tables = new ArrayList<>();
    tables.add(new Doc.Para(writer.dataAsOf()));
    for (String anchor : List.of("summary-of-qualitative-findings", "evidence-profile")) {
      tables.addAll(DocxFormat.shift(DocxFormat.slice(overview, anchor), -1));
    }
    String title = base.theory().map(EvidenceBase.Theory::title).orElse("Evidence summaries");
    return new DocxFormat(title, base.dataAsOf())
        .write(
            List.of(
                new DocxFormat.Part(tables, true),
                new DocxFormat.Part(new EvidenceAppendix(base).blocks(1), false)));
  }

  // ------------------------------------------------------------------------------------------
  // A folder of pages
  // ------------------------------------------------------------------------------------------

  /**
   * The pages of a folder, by file name: {@code index} (the whole theory: overview and every
   * theory CMOC) and one page per mechanism when nothing is selected; otherwise one page per
   * selected section. The CERQual tables and the evidence matrix come as CSV in both cases.
   */
  public Map<String, String> pages(Format format, Selection sel) {
    String ext = "." + format.extension;
    Map<String, List<Doc.Block>> pages = new LinkedHashMap<>();
    Map<String, String> titles = new LinkedHashMap<>();
    String title = base.theory().map(EvidenceBase.Theory::title).orElse("Evidence summaries");
    requireComplete("a folder of pages (with the CSV tables of the whole theory)");
    if (sel.all()) {
      List<Section> theory = theorySections();
      List<Section> mechanisms = mechanismSections();
      List<Doc.Block> index = new ArrayList<>(writer.overview(theory, mechanisms));
      index.addAll(EvidenceAppendix.overviewLink(2));
      theory.forEach(s -> index.addAll(writer.section(s, 2)));
      pages.put("index" + ext, index);
      titles.put("index" + ext, title);
      List<Doc.Block> appendix = new ArrayList<>();
      appendix.add(new Doc.Para(writer.dataAsOf()));
      appendix.addAll(new EvidenceAppendix(base).blocks(1));
      pages.put(EvidenceAppendix.SLUG + ext, appendix);
      titles.put(EvidenceAppendix.SLUG + ext, "Evidence appendix — " + title);
      for (Section s : mechanisms) {
        List<Doc.Block> page = new ArrayList<>();
        page.add(new Doc.Para(writer.dataAsOf()));
        page.addAll(writer.section(s, 1));
        pages.put(s.slug() + ext, page);
        titles.put(s.slug() + ext, s.title() + " — " + title);
      }
    } else {
      for (Section s : selected(sel)) {
        List<Doc.Block> page = new ArrayList<>();
        page.add(new Doc.Para(writer.dataAsOf()));
        page.addAll(writer.section(s, 1));
        pages.put(s.slug() + ext, page);
        titles.put(s.slug() + ext, s.title() + " — " + title);
      }
    }
    // Where each anchor is: a link to a section goes to its page, or to its heading on a page.
    Map<String, String> anchorPage = new java.util.HashMap<>();
    pages.forEach((name, blocks) -> anchors(blocks).forEach(a -> anchorPage.putIfAbsent(a, name)));
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Doc.Block>> page : pages.entrySet()) {
      String name = page.getKey();
      Function<String, String> href = slug -> link(slug, name, pages.keySet(), ext, anchorPage);
      if (format == Format.MD) {
        out.put(name, new MarkdownFormat(href).write(page.getValue()));
      } else if (format == Format.JSON) {
        out.put(name, new JsonFormat(href).write(titles.get(name), name.substring(0, name.length() - ext.length()), page.getValue()));
      } else {
        List<String[]> nav = new ArrayList<>();
        if (pages.containsKey("index" + ext)) {
          String idx = name.equals("index" + ext) ? "" : "index" + ext;
          nav.add(new String[] {"Programme theory", idx.isEmpty() ? "#top" : idx});
          if (selection.isPresent()) {
            nav.add(new String[] {"Search and selection", idx + "#" + SelectionSection.ANCHOR});
          }
          nav.add(new String[] {"Diagram", idx + "#diagram"});
          nav.add(new String[] {"Refinement", idx + "#refinement"});
          nav.add(new String[] {"Summary of Qualitative Findings", idx + "#summary-of-qualitative-findings"});
          nav.add(new String[] {"Evidence Profile", idx + "#evidence-profile"});
          nav.add(new String[] {"Evidence matrix", idx + "#evidence-matrix"});
          nav.add(new String[] {"Mechanisms", idx + "#mechanisms"});
          nav.add(new String[] {"Evidence appendix", EvidenceAppendix.SLUG + ext});
        }
        out.put(name, new HtmlFormat(href).page(titles.get(name), nav, page.getValue()));
      }
    }
    out.put(SOQF_CSV, soqfCsv());
    out.put(EVIDENCE_PROFILE_CSV, evidenceProfileCsv());
    out.put(MATRIX_CSV, matrixCsv());
    return out;
  }

  private static String link(String slug, String page, Set<String> pages, String ext, Map<String, String> anchorPage) {
    String own = slug + ext;
    if (pages.contains(own)) {
      return own.equals(page) ? "#" + slug : own;
    }
    String on = anchorPage.get(slug);
    if (on != null) {
      return on.equals(page) ? "#" + slug : on + "#" + slug;
    }
    return null;
  }

  /** Writes {@link #pages} into {@code dir}; each file is written beside and moved into place. */
  public List<Path> write(Path dir, Format format, Selection sel) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, String> page : pages(format, sel).entrySet()) {
      written.add(replace(dir.resolve(page.getKey()), page.getValue().getBytes(StandardCharsets.UTF_8)));
    }
    return written;
  }

  /** The file name {@link #writeDocx} writes. */
  public static final String DOCX = "summary.docx";

  /** Writes {@link #docx()} into {@code dir} as {@value #DOCX}, replacing it whole. */
  public Path writeDocx(Path dir) throws IOException {
    byte[] bytes = docx();
    Files.createDirectories(dir);
    return replace(dir.resolve(DOCX), bytes);
  }

  private static Path replace(Path target, byte[] bytes) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), ".summary-", ".tmp");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return target;
  }

  /**
   * Writes every HTML summary (index.html, one page per mechanism) and the CSV tables into
   * {@code dir}: what the endpoint serves under /summaries/.
   */
  public static List<Path> writeHtmlSite(CmoStore store, Path dir) throws IOException {
    return read(store).write(dir, Format.HTML, Selection.ALL);
  }

  // ------------------------------------------------------------------------------------------
  // CSV tables
  // ------------------------------------------------------------------------------------------

  /** The GRADE-CERQual Summary of Qualitative Findings table. */
  public String soqfCsv() {
    StringBuilder out = new StringBuilder();
    out.append(Text.csvLine(List.of("finding_id", "finding", "statement", "studies", "confidence", "explanation", "computed_indicators")));
    for (Section s : theorySections()) {
      EvidenceBase.TheoryCmoc t = s.theoryCmoc().orElseThrow();
      Cerqual.Profile p = s.profile();
      out.append(
          Text.csvLine(
              List.of(
                  t.id(),
                  t.label(),
                  t.statement(),
                  String.join("; ", s.studies().stream().map(EvidenceBase.Study::id).toList()),
                  p.judgement().map(EvidenceBase.Assessment::overall).orElse("not-yet-assessed"),
                  ConfidenceWriter.explanation(p),
                  ConfidenceWriter.indicatorText(p))));
    }
    return out.toString();
  }

  /** The GRADE-CERQual Evidence Profile table, component by component. */
  public String evidenceProfileCsv() {
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("finding_id", "finding", "studies"));
    for (String c : List.of("limitations", "coherence", "adequacy", "relevance")) {
      header.add(c);
      header.add(c + "_explanation");
      header.add(c + "_computed_indicator");
    }
    header.addAll(List.of("overall", "overall_explanation"));
    out.append(Text.csvLine(header));
    for (Section s : theorySections()) {
      EvidenceBase.TheoryCmoc t = s.theoryCmoc().orElseThrow();
      Cerqual.Profile p = s.profile();
      List<String> row = new ArrayList<>(List.of(t.id(), t.label(), String.join("; ", s.studies().stream().map(EvidenceBase.Study::id).toList())));
      for (int i = 0; i < Cerqual.COMPONENTS.size(); i++) {
        EvidenceBase.Judgement j = p.judgementOf(i);
        row.add(j == null || j.concern() == null ? "not-yet-assessed" : j.concern());
        row.add(j == null || j.explanation() == null ? "" : j.explanation());
        row.add(p.indicators().get(i).text());
      }
      row.add(p.judgement().map(EvidenceBase.Assessment::overall).orElse("not-yet-assessed"));
      row.add(p.judgement().map(EvidenceBase.Assessment::explanation).orElse(""));
      out.append(Text.csvLine(row));
    }
    return out.toString();
  }

  /** The evidence matrix, one row per mechanism concept, one column per study. */
  public String matrixCsv() {
    EvidenceMatrix m = writer.matrix();
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("mechanism_id", "mechanism"));
    m.studies().forEach(s -> header.add(s.id()));
    header.addAll(List.of("links", "inconclusive", "non_links", "no_evidence"));
    out.append(Text.csvLine(header));
    for (int i = 0; i < m.concepts().size(); i++) {
      List<String> row = new ArrayList<>(List.of(m.concepts().get(i).id(), m.concepts().get(i).label()));
      for (EvidenceMatrix.Cell c : m.cells()[i]) {
        row.add(c.verdict().label + (c.counts().isEmpty() ? "" : " (" + c.counts() + ")"));
      }
      for (int n : m.rowCounts(i)) {
        row.add(String.valueOf(n));
      }
      out.append(Text.csvLine(row));
    }
    return out.toString();
  }

  /** The section with this slug, for tests and tools. */
  public Optional<Section> section(String slug) {
    return java.util.stream.Stream.concat(theorySections().stream(), mechanismSections().stream())
        .filter(s -> s.slug().equals(slug))
        .findFirst();
  }
}
