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
import org.cmograph.store.CmoStore;
import org.cmograph.util.Suggest;

/**
 * Evidence summaries for programme-theory authors, written from the graph: per mechanism concept
 * and per theory CMOC, the studies, CMO table, enabling and blocking contexts, outcomes, evidence
 * by perspective, key quotes, conflicts, gaps and a GRADE-CERQual profile; plus the theory diagram,
 * the evidence matrix and the CERQual tables (also as CSV). The same graph always gives the same
 * bytes: the only date is the "data as of" date read from the data.
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

  /**
   * @param selection the search and selection log, drawn in the overview when present
   */
  public Summaries(EvidenceBase base, Optional<SelectionFlow> selection) {
    this.base = base;
    this.selection = selection;
    this.writer =
        new SummaryWriter(
            base, selection.map(f -> SelectionSection.blocks(f, base)).orElse(List.of()));
    this.theoryIds =
        base.theory()
            .map(t -> t.cmocs().stream().map(EvidenceBase.TheoryCmoc::id).toList())
            .orElse(List.of());
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
      throw new IllegalStateException(
          what + " needs the whole evidence base; read it with Summaries.read(store)");
    }
  }

  private synchronized Section theorySection(String id) {
    return built.computeIfAbsent(
        "theory/" + id,
        k ->
            Section.theory(
                base,
                base.theory().orElseThrow().cmocs().stream()
                    .filter(c -> c.id().equals(id))
                    .findFirst()
                    .orElseThrow()));
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
            "no mechanism '"
                + m
                + "' with evidence or in the theory"
                + Suggest.didYouMean(m, mechanismIds)
                + (base.concept(m).isPresent()
                    ? " (it is in the catalogue, but no study or theory CMOC names it)"
                    : ""));
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

  /** The selected sections, theory CMOCs first, in the order given. */
  List<Section> selected(Selection sel) {
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

  /** The anchors of the headings among {@code blocks}. */
  static Set<String> anchors(List<Doc.Block> blocks) {
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
      tables.addAll(Doc.shift(Doc.slice(overview, anchor), -1));
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
   * The pages of a folder, by file name: {@code index} (the whole theory: overview and every theory
   * CMOC) and one page per mechanism when nothing is selected; otherwise one page per selected
   * section. The CERQual tables and the evidence matrix come as CSV in both cases.
   */
  public Map<String, String> pages(Format format, Selection sel) {
    return pages(format, sel, List.of());
  }

  /**
   * {@link #pages}, in a folder that also holds {@code beside} (files written there by other means:
   * the Word document, the pages in another format), which the index lists under "Downloads" with
   * the CSV tables, and which the pages link to where they name them.
   */
  Map<String, String> pages(Format format, Selection sel, List<String> beside) {
    requireComplete("a folder of pages (with the CSV tables of the whole theory)");
    return new SummaryFolder(this, writer).pages(format, sel, beside);
  }

  /** Writes {@link #pages} into {@code dir}; each file is written beside and moved into place. */
  public List<Path> write(Path dir, Format format, Selection sel) throws IOException {
    return write(dir, pages(format, sel));
  }

  private static List<Path> write(Path dir, Map<String, String> pages) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, String> page : pages.entrySet()) {
      written.add(
          replace(dir.resolve(page.getKey()), page.getValue().getBytes(StandardCharsets.UTF_8)));
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
   * Writes every HTML summary (index.html, one page per mechanism, the evidence appendix), the same
   * pages as JSON, the CSV tables and the Word document into {@code dir}, the index listing them
   * all: what the endpoint serves under /summaries/.
   */
  public static List<Path> writeHtmlSite(CmoStore store, Path dir) throws IOException {
    Summaries s = read(store);
    List<String> beside = new ArrayList<>(List.of("index.json", EvidenceAppendix.SLUG + ".json"));
    s.mechanismSections().forEach(m -> beside.add(m.slug() + ".json"));
    beside.add(DOCX);
    List<Path> written = new ArrayList<>(write(dir, s.pages(Format.HTML, Selection.ALL, beside)));
    Map<String, String> json = new LinkedHashMap<>(s.pages(Format.JSON, Selection.ALL, beside));
    json.keySet().removeIf(name -> !name.endsWith(".json"));
    written.addAll(write(dir, json));
    written.add(s.writeDocx(dir));
    return written;
  }

  // ------------------------------------------------------------------------------------------
  // CSV tables
  // ------------------------------------------------------------------------------------------

  /** The GRADE-CERQual Summary of Qualitative Findings table. */
  public String soqfCsv() {
    return SummaryCsv.soqf(theorySections());
  }

  /** The GRADE-CERQual Evidence Profile table, component by component. */
  public String evidenceProfileCsv() {
    return SummaryCsv.evidenceProfile(theorySections());
  }

  /** The evidence matrix, one row per mechanism concept, one column per study. */
  public String matrixCsv() {
    return SummaryCsv.matrix(writer.matrix());
  }

  /** The section with this slug, for tests and tools. */
  public Optional<Section> section(String slug) {
    return java.util.stream.Stream.concat(theorySections().stream(), mechanismSections().stream())
        .filter(s -> s.slug().equals(slug))
        .findFirst();
  }
}
