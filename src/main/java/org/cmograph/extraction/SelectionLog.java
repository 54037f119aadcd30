package org.cmograph.extraction;

import java.nio.file.Path;
import java.util.List;

/**
 * The search and selection log of a synthesis (data/selection.yaml), as its author wrote it: how
 * records were identified, the duplicates removed, each screening stage with its exclusions, and
 * the extraction files included. RAMESES asks a realist synthesis to report it as a flow diagram
 * with counts and reasons for exclusion. Fields the file leaves out are null (or empty lists);
 * parts carry their JSON Pointer, so later checks can name the place.
 */
public record SelectionLog(
    Path file,
    String id,
    String title,
    String description,
    String date,
    List<String> authors,
    String note,
    List<Identification> identification,
    Integer duplicatesRemoved,
    String duplicatesNote,
    List<Stage> screening,
    List<Included> included) {

  /** One way records were identified: a search, or another method (supplied, citations, ...). */
  public record Identification(
      String pointer,
      String id,
      String method,
      String source,
      String date,
      String strategy,
      Integer records,
      List<String> files,
      String note) {}

  /** One screening stage: what was read, how many, and the exclusions by reason. */
  public record Stage(
      String pointer,
      String stage,
      Integer notRetrieved,
      Integer screened,
      List<Exclusion> excluded,
      String note) {
    /** The records excluded at this stage, over all reasons (missing counts as 0). */
    public int excludedTotal() {
      return excluded.stream().mapToInt(e -> e.count() == null ? 0 : e.count()).sum();
    }
  }

  /** Records excluded at one stage for one reason. */
  public record Exclusion(String pointer, String reason, Integer count) {}

  /** An included report: an extraction file's study id, and how many records it covers. */
  public record Included(String pointer, String id, int records, String note) {}

  /** Records identified by all methods (missing counts as 0). */
  public int identifiedTotal() {
    return identification.stream().mapToInt(i -> i.records() == null ? 0 : i.records()).sum();
  }

  /** Records that the included extraction files stand for. */
  public int includedRecords() {
    return included.stream().mapToInt(Included::records).sum();
  }
}
