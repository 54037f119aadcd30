package org.cmograph.query;

import java.util.Map;

/**
 * An example command from a query header ({@code # example: cmograph query NAME --param k=v}), with
 * the parameters it passes. The documentation shows it, the tests run it, and the landing page uses
 * its parameters for a ready-to-run link.
 */
public record QueryExample(String command, Map<String, String> params) {}
