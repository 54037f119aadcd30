package org.cmograph.exchange;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A study's actors, contexts, outcomes, CMOCs and evidence as an importer read them from a foreign
 * file, ready to be written as those sections of a format 2 extraction file. Values are plain
 * strings, booleans, lists and maps in the order the file format lists their keys.
 *
 * @param id the study id
 * @param title the study's title, if the imported file gave one
 * @param source the registered source text's file name, if the imported file gave one
 * @param actors the study's actors the imported file names (whose reasoning, whose outcome)
 * @param contexts the study's contexts, shared by its CMOCs
 * @param outcomes the study's outcomes, shared by its CMOCs
 * @param comments remarks for the researcher, keyed by the JSON Pointer of the line they follow
 * @param origin the file imported from
 */
public record StudyDraft(
    String id,
    String title,
    String source,
    List<Map<String, Object>> actors,
    List<Map<String, Object>> contexts,
    List<Map<String, Object>> outcomes,
    List<Map<String, Object>> cmocs,
    List<Map<String, Object>> evidence,
    Map<String, String> comments,
    Path origin) {

  /** The sections this draft replaces in an extraction file, in the file's order. */
  static final List<String> SECTIONS =
      List.of("actors", "contexts", "outcomes", "cmocs", "evidence");

  /** The value of one of {@link #SECTIONS}. */
  List<Map<String, Object>> section(String name) {
    return switch (name) {
      case "actors" -> actors;
      case "contexts" -> contexts;
      case "outcomes" -> outcomes;
      case "cmocs" -> cmocs;
      case "evidence" -> evidence;
      default -> throw new IllegalArgumentException(name);
    };
  }
}
