package org.cmograph.report;

import java.util.List;

/**
 * The search and selection log as the summaries read it from the store (graph cmog:selection), with
 * the number of studies the included reports make: reports of one study (cmo:sameStudyAs) and
 * reports that restate another included report (cmo:restates) are one study.
 */
public record SelectionFlow(
    String id,
    String title,
    String description,
    String date,
    List<String> authors,
    String note,
    List<Source> sources,
    Integer duplicatesRemoved,
    String duplicatesNote,
    List<Stage> stages,
    List<Report> included,
    int studies) {

  /** Database and register searches: the left column of a PRISMA 2020 diagram. */
  static final List<String> SEARCHES = List.of("database", "register");

  /** One way records were identified. */
  public record Source(
      String id,
      String method,
      String source,
      String date,
      String strategy,
      int records,
      List<String> files,
      String note) {
    public boolean search() {
      return SEARCHES.contains(method);
    }
  }

  /** One screening stage, in order. */
  public record Stage(
      int order,
      String label,
      int notRetrieved,
      int screened,
      List<Exclusion> excluded,
      String note) {
    public int excludedTotal() {
      return excluded.stream().mapToInt(Exclusion::count).sum();
    }

    /** What was sought at this stage: the screened ones and those not retrieved. */
    public int sought() {
      return screened + notRetrieved;
    }
  }

  /** Records excluded at one stage for one reason. */
  public record Exclusion(String reason, int count) {}

  /**
   * An included report (extraction file), how many records it covers, whether the store holds its
   * study graph, and the included reports it is one study with (itself first).
   */
  public record Report(
      String id, int records, String note, boolean loaded, List<String> sameStudy) {}

  public int identified() {
    return sources.stream().mapToInt(Source::records).sum();
  }

  public int afterDuplicates() {
    return identified() - (duplicatesRemoved == null ? 0 : duplicatesRemoved);
  }

  public int includedRecords() {
    return included.stream().mapToInt(Report::records).sum();
  }

  public int searchRecords() {
    return sources.stream().filter(Source::search).mapToInt(Source::records).sum();
  }

  public int otherRecords() {
    return identified() - searchRecords();
  }
}
