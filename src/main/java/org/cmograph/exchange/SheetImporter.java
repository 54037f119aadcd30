package org.cmograph.exchange;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cmograph.extraction.ConceptLabels;
import org.cmograph.extraction.Problem;
import org.cmograph.extraction.SheetLayout;
import org.cmograph.extraction.SheetLayout.Column;

/**
 * Reads the one-row-per-CMOC layout ({@link SheetLayout}) into study drafts: rows that name the
 * same CMOC (or, without a {@code cmoc} column, repeat the same context, mechanism and outcome)
 * become one CMOC, each row's quote one evidence item. Ids the sheet does not give are made from
 * the descriptions; a mechanism without a catalogue concept gets the closest concept by label, with
 * a warning and a comment in the file. Every problem names its sheet, row and column.
 *
 * <pre>
 * SheetImporter.Result r = new SheetImporter(labels).read(sheet, new Options(Set.of("smith-2023"), Map.of()));
 * </pre>
 */
public final class SheetImporter {
  /** Which studies to take from the sheet (empty: all), and header names mapped to columns. */
  public record Options(Set<String> studies, Map<String, Column> mapping) {}

  /** The drafts of the studies read (none when a problem is an error), and every problem found. */
  public record Result(List<StudyDraft> studies, List<Problem> problems) {
    public boolean hasErrors() {
      return problems.stream().anyMatch(Problem::isError);
    }
  }

  private final ConceptLabels catalogue;
  private final FormatVocabulary vocab = FormatVocabulary.get();

  public SheetImporter(ConceptLabels catalogue) {
    this.catalogue = catalogue;
  }

  public Result read(Sheet sheet, Options options) {
    return new SheetRun(sheet, options, catalogue, vocab).run();
  }
}
