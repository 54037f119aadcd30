package org.cmograph.query;

/**
 * One parameter a catalogue query takes, from a header line such as {@code # param mechanism
 * (mechanism): catalogue concept id, e.g. trusting-relationship}. Its value replaces the query
 * variable of the same name; an optional parameter left out leaves the variable free, so the query
 * covers every value.
 */
public record QueryParam(String name, ParamKind kind, boolean optional, String description) {}
