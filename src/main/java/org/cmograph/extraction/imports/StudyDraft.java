package org.cmograph.extraction.imports;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A study's CMOCs and evidence as an importer read them from a foreign file, ready to be written as
 * the {@code cmocs} and {@code evidence} sections of an extraction file. Values are plain strings,
 * booleans, lists and maps in the order the file format lists their keys.
 *
 * @param id the study id
 * @param title the study's title, if the imported file gave one
 * @param source the registered source text's file name, if the imported file gave one
 * @param comments remarks for the researcher, keyed by the JSON Pointer of the line they follow
 * @param origin the file imported from
 */
public record StudyDraft(
    String id,
    String title,
    String source,
    List<Map<String, Object>> cmocs,
    List<Map<String, Object>> evidence,
    Map<String, String> comments,
    Path origin) {}
