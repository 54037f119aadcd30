package org.cmograph.exchange;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cmograph.extraction.Extraction.EvidenceItem;

/**
 * Evidence items of a {@link StudyDraft}: the reader's own {@link EvidenceItem} record, made by an
 * importer before the file exists (no JSON pointer; {@code about} null when the imported file said
 * nothing of it, so the key is left out), and written back as the keys of its YAML mapping.
 */
final class DraftEvidence {
  private DraftEvidence() {}

  /**
   * One passage of the source: its verbatim quote and where it is, the CMOCs it bears on and how.
   */
  static EvidenceItem of(
      String id,
      List<String> cmocs,
      String kind,
      List<String> about,
      String quote,
      String location,
      Integer page,
      String speaker,
      String perspective,
      String stance,
      String strength,
      String inference,
      String note) {
    Objects.requireNonNull(id, "evidence id");
    return new EvidenceItem(
        null,
        id,
        List.copyOf(cmocs),
        kind,
        about == null ? null : List.copyOf(about),
        quote,
        location,
        page,
        speaker,
        perspective,
        stance,
        strength,
        inference,
        note);
  }

  /**
   * The first of the passage's own values (kind, quote, location, speaker, perspective, stance,
   * strength, inference, note) that differs in {@code other}, or null when they read the same.
   */
  static String firstDifference(EvidenceItem item, EvidenceItem other) {
    Map<String, Object> mine = fields(item);
    Map<String, Object> theirs = fields(other);
    for (String key :
        List.of(
            "kind",
            "quote",
            "location",
            "speaker",
            "perspective",
            "stance",
            "strength",
            "inference",
            "note")) {
      if (!Objects.equals(mine.get(key), theirs.get(key))) {
        return key;
      }
    }
    return null;
  }

  /** {@code item} bearing also on {@code cmoc}, about what it was about and {@code more}. */
  static EvidenceItem joining(EvidenceItem item, String cmoc, List<String> more) {
    List<String> targets = new ArrayList<>(item.cmocs());
    targets.add(cmoc);
    List<String> joined = item.about();
    if (more != null) {
      Set<String> all = new LinkedHashSet<>();
      if (item.about() != null) {
        all.addAll(item.about());
      }
      all.addAll(more);
      joined = List.copyOf(all);
    }
    return of(
        item.id(),
        targets,
        item.kind(),
        joined,
        item.quote(),
        item.location(),
        item.page(),
        item.speaker(),
        item.perspective(),
        item.stance(),
        item.strength(),
        item.inference(),
        item.note());
  }

  /** The item as the keys of its YAML mapping, in the format's order, nulls left out. */
  static Map<String, Object> fields(EvidenceItem e) {
    return StudyDraft.map(
        "id",
        e.id(),
        "cmocs",
        e.cmocs(),
        "kind",
        e.kind(),
        "about",
        e.about(),
        "quote",
        e.quote(),
        "location",
        e.location(),
        "page",
        e.page(),
        "speaker",
        e.speaker(),
        "perspective",
        e.perspective(),
        "stance",
        e.stance(),
        "strength",
        e.strength(),
        "inference",
        e.inference(),
        "note",
        e.note());
  }
}
