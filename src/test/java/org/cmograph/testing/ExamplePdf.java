package org.cmograph.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Writes {@code examples/gillard-2024-implementation.pdf}, the PDF the extraction guide starts
 * from: the text of {@code data/sources/gillard-2024-implementation.txt} set by {@link TestPdf} in
 * two columns of A4 with a running header, page numbers, "fi"/"fl" ligature glyphs and words
 * hyphenated at line ends, as a journal's PDF would have them, and its title and authors in the
 * PDF's metadata. Run from the repository root:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.cmograph.testing.ExamplePdf
 * </pre>
 */
public final class ExamplePdf {
  private ExamplePdf() {}

  public static void main(String[] args) throws IOException {
    Path out = Repo.root().resolve("examples/gillard-2024-implementation.pdf");
    new TestPdf()
        .columns(2)
        .header(
            "Gillard et al. · Implementing peer support into practice in mental health services")
        .pageNumbers()
        .ligatures()
        .linesPerPage(20)
        .write(BundledQuotes.paragraphsOf("gillard-2024-implementation.txt"), out);
    // A journal's PDF names its article in its metadata, as this one does.
    try (PDDocument doc = Loader.loadPDF(out.toFile())) {
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(
          "Implementing peer support into practice in mental health services: a"
              + " qualitative comparative case study");
      info.setAuthor(
          "Gillard S; Foster R; White S; Bhattacharya R; Binfield P; Eborall R; Gibson SL;"
              + " Harnett D; Simpson A; Lucock M; Marks J; Repper J; Rinaldi M; Salla A; Worner J");
      doc.save(out.toFile());
    }
    System.out.println("wrote " + out);
  }
}
