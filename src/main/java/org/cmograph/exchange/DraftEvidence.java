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
 * importer before the file exists (so with a null JSON pointer, and {@code about} null when the
 * imported file said nothing of it, so the key is left out), compared, joined, and written as the
 * keys of its YAML mapping.
 */
final class DraftEvidence {
  private DraftEvidence() {}

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
    return new EvidenceItem(
        null,
        item.id(),
        List.copyOf(targets),
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
