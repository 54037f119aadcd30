package org.cmograph.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The pages of a folder of summaries ({@link Summaries#pages}): which pages there are, what each
 * holds, where each link points (a section's own page, its heading on another page, or a file
 * written beside the pages), the HTML menu, and the index's list of downloads.
 */
final class SummaryFolder {
  private final Summaries summaries;
  private final SummaryWriter writer;

  SummaryFolder(Summaries summaries, SummaryWriter writer) {
    this.summaries = summaries;
    this.writer = writer;
  }

  Map<String, String> pages(Summaries.Format format, Summaries.Selection sel, List<String> beside) {
    String ext = "." + format.extension;
    List<String> files =
        new ArrayList<>(
            List.of(Summaries.SOQF_CSV, Summaries.EVIDENCE_PROFILE_CSV, Summaries.MATRIX_CSV));
    files.addAll(beside);
    Map<String, List<Doc.Block>> pages = new LinkedHashMap<>();
    Map<String, String> titles = new LinkedHashMap<>();
    String title =
        summaries.base().theory().map(EvidenceBase.Theory::title).orElse("Evidence summaries");
    if (sel.all()) {
      List<Section> theory = summaries.theorySections();
      List<Section> mechanisms = summaries.mechanismSections();
      List<Doc.Block> index = new ArrayList<>(writer.overview(theory, mechanisms));
      index.addAll(EvidenceAppendix.overviewLink(2));
      index.addAll(downloads(files));
      theory.forEach(s -> index.addAll(writer.section(s, 2)));
      pages.put("index" + ext, index);
      titles.put("index" + ext, title);
      List<Doc.Block> appendix = new ArrayList<>();
      appendix.add(new Doc.Para(writer.dataAsOf()));
      appendix.addAll(new EvidenceAppendix(summaries.base()).blocks(1));
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
      for (Section s : summaries.selected(sel)) {
        List<Doc.Block> page = new ArrayList<>();
        page.add(new Doc.Para(writer.dataAsOf()));
        page.addAll(writer.section(s, 1));
        pages.put(s.slug() + ext, page);
        titles.put(s.slug() + ext, s.title() + " — " + title);
      }
    }
    // Where each anchor is: a link to a section goes to its page, or to its heading on a page.
    Map<String, String> anchorPage = new java.util.HashMap<>();
    pages.forEach(
        (name, blocks) -> Summaries.anchors(blocks).forEach(a -> anchorPage.putIfAbsent(a, name)));
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Doc.Block>> page : pages.entrySet()) {
      String name = page.getKey();
      Function<String, String> href =
          slug -> files.contains(slug) ? slug : link(slug, name, pages.keySet(), ext, anchorPage);
      if (format == Summaries.Format.MD) {
        out.put(name, new MarkdownFormat(href).write(page.getValue()));
      } else if (format == Summaries.Format.JSON) {
        out.put(
            name,
            new JsonFormat(href)
                .write(
                    titles.get(name),
                    name.substring(0, name.length() - ext.length()),
                    page.getValue()));
      } else {
        List<String[]> nav = new ArrayList<>();
        if (pages.containsKey("index" + ext)) {
          String idx = name.equals("index" + ext) ? "" : "index" + ext;
          nav.add(new String[] {"Programme theory", idx.isEmpty() ? "#top" : idx});
          if (summaries.selection().isPresent()) {
            nav.add(new String[] {"Search and selection", idx + "#" + SelectionSection.ANCHOR});
          }
          nav.add(new String[] {"Diagram", idx + "#diagram"});
          nav.add(new String[] {"Theory CMOCs", idx + "#theory-cmocs"});
          nav.add(new String[] {"Refinement", idx + "#refinement"});
          nav.add(
              new String[] {
                "Summary of Qualitative Findings", idx + "#summary-of-qualitative-findings"
              });
          nav.add(new String[] {"Evidence Profile", idx + "#evidence-profile"});
          nav.add(new String[] {"Evidence matrix", idx + "#evidence-matrix"});
          nav.add(new String[] {"Mechanisms", idx + "#mechanisms"});
          nav.add(new String[] {"Evidence appendix", EvidenceAppendix.SLUG + ext});
          nav.add(new String[] {"Downloads", idx + "#downloads"});
        }
        out.put(name, new HtmlFormat(href).page(titles.get(name), nav, page.getValue()));
      }
    }
    out.put(Summaries.SOQF_CSV, summaries.soqfCsv());
    out.put(Summaries.EVIDENCE_PROFILE_CSV, summaries.evidenceProfileCsv());
    out.put(Summaries.MATRIX_CSV, summaries.matrixCsv());
    return out;
  }

  /** The index's list of the files written beside the pages, each linked. */
  private static List<Doc.Block> downloads(List<String> files) {
    List<List<Doc.Inline>> items = new ArrayList<>();
    items.add(
        List.of(Doc.text("Summary of Qualitative Findings (CSV): "), Doc.file(Summaries.SOQF_CSV)));
    items.add(
        List.of(Doc.text("Evidence Profile (CSV): "), Doc.file(Summaries.EVIDENCE_PROFILE_CSV)));
    items.add(List.of(Doc.text("Evidence matrix (CSV): "), Doc.file(Summaries.MATRIX_CSV)));
    if (files.contains(Summaries.DOCX)) {
      items.add(
          List.of(
              Doc.text(
                  "The Summary of Qualitative Findings, the Evidence Profile and the evidence appendix as one Word document: "),
              Doc.file(Summaries.DOCX)));
    }
    List<String> json = files.stream().filter(f -> f.endsWith(".json")).toList();
    if (!json.isEmpty()) {
      List<Doc.Inline> item = new ArrayList<>();
      item.add(Doc.text("These pages as data (JSON, with the evidence ids behind every count): "));
      for (int i = 0; i < json.size(); i++) {
        item.add(Doc.text(i == 0 ? "" : ", "));
        item.add(Doc.file(json.get(i)));
      }
      items.add(item);
    }
    return List.of(new Doc.Heading(2, "Downloads", "downloads"), new Doc.Bullets(items));
  }

  private static String link(
      String slug, String page, Set<String> pages, String ext, Map<String, String> anchorPage) {
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
}
