package org.cmograph.extraction.sources;

/** The text read from a source file, ready to register, and its map. */
public record ExtractedSource(String text, SourceMap map) {}
