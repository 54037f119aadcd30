package org.cmograph.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Recognises an extraction file of the first format (no {@code format: 2}), so that it gets one
 * clear message pointing at {@code cmograph migrate} instead of a page of schema errors.
 */
public final class FirstFormat {
  /** The format this version of cmograph reads and writes. */
  public static final int CURRENT = 2;

  private FirstFormat() {}

  /** Whether the tree looks like an extraction of the first format. */
  public static boolean isFirstFormat(JsonNode root) {
    if (!root.isObject() || !(root.has("cmocs") || root.has("evidence") || root.has("study"))) {
      return false;
    }
    JsonNode format = root.path("format");
    return format.isMissingNode() || (format.isIntegralNumber() && format.intValue() == 1);
  }

  static Optional<Problem> problem(PositionedDocument doc) {
    if (!isFirstFormat(doc.root())) {
      return Optional.empty();
    }
    return Optional.of(
        Problem.error(
            doc.file(),
            Position.START,
            "FIRST-FORMAT",
            "this extraction is in the first format (not 'format: 2'); convert it with 'cmograph"
                + " migrate "
                + doc.file()
                + "' and review the lines it marks '# CHECK'"));
  }
}
