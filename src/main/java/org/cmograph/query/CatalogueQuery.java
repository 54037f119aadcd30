package org.cmograph.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * One SPARQL query with the comment header that describes it. The header is the single source of
 * its title, question, parameters and examples: the catalogue listing, the landing page and the
 * documentation all read it from here.
 *
 * <p>Header format (the leading {@code #} lines, up to the first line that is not a comment):
 *
 * <pre>
 * # title: Evidence for one mechanism
 * # question: What do the studies say about one mechanism? ...
 * #   (a line starting "#" and two or more spaces continues the previous entry)
 * # param mechanism (mechanism): catalogue concept id, e.g. trusting-relationship
 * # param text (text, optional): ...
 * # example: cmograph query evidence-for-mechanism --param mechanism=trusting-relationship
 * </pre>
 *
 * A parameter's value is bound by substituting an RDF term for the query variable of the same name
 * in the parsed query, never by editing the query text.
 */
public final class CatalogueQuery {
  private static final Pattern ENTRY = Pattern.compile("^# (title|question|example): (\\S.*)$");
  private static final Pattern PARAM =
      Pattern.compile("^# param ([A-Za-z_][A-Za-z0-9_]*) \\(([a-z]+)(, optional)?\\): (\\S.*)$");
  private static final Pattern CONTINUATION = Pattern.compile("^#\\s{2,}(\\S.*)$");
  private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\\S+)");

  private final String name;
  private final String text;
  private final String title;
  private final String question;
  private final List<QueryParam> params;
  private final List<QueryExample> examples;
  private final List<String> headerProblems;
  private Query parsed;
  private String parseError;

  private CatalogueQuery(
      String name,
      String text,
      String title,
      String question,
      List<QueryParam> params,
      List<QueryExample> examples,
      List<String> headerProblems) {
    this.name = name;
    this.text = text;
    this.title = title;
    this.question = question;
    this.params = List.copyOf(params);
    this.examples = List.copyOf(examples);
    this.headerProblems = List.copyOf(headerProblems);
  }

  /** Reads the header of {@code text}; problems are kept (see {@link #problems()}), not thrown. */
  public static CatalogueQuery parse(String name, String text) {
    String title = null;
    String question = null;
    List<QueryParam> params = new ArrayList<>();
    List<String> exampleLines = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    // Each entry is collected as [kind, text], so continuation lines can extend the last one.
    List<String[]> entries = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      if (!line.startsWith("#")) {
        break;
      }
      Matcher m;
      if ((m = ENTRY.matcher(line)).matches()) {
        entries.add(new String[] {m.group(1), m.group(2), String.valueOf(i + 1)});
      } else if ((m = PARAM.matcher(line)).matches()) {
        entries.add(
            new String[] {
              "param", m.group(4), String.valueOf(i + 1), m.group(1), m.group(2), m.group(3)
            });
      } else if ((m = CONTINUATION.matcher(line)).matches() && !entries.isEmpty()) {
        String[] last = entries.get(entries.size() - 1);
        last[1] = last[1] + " " + m.group(1);
      } else if (!line.equals("#")) {
        problems.add(
            "line "
                + (i + 1)
                + ": not a header entry; expected '# title: ', '# question: ',"
                + " '# param NAME (KIND): ', '# example: ' or a continuation line '#   ...'");
      }
    }
    for (String[] e : entries) {
      String where = "line " + e[2] + ": ";
      switch (e[0]) {
        case "title" -> {
          if (title != null) {
            problems.add(where + "a second title");
          }
          title = e[1];
        }
        case "question" -> {
          if (question != null) {
            problems.add(where + "a second question");
          }
          question = e[1];
        }
        case "example" -> exampleLines.add(e[1]);
        case "param" -> {
          Optional<ParamKind> kind = ParamKind.byKeyword(e[4]);
          if (kind.isEmpty()) {
            problems.add(
                where
                    + "unknown parameter kind '"
                    + e[4]
                    + "'; use mechanism, study, text or integer");
          } else if (params.stream().anyMatch(p -> p.name().equals(e[3]))) {
            problems.add(where + "parameter '" + e[3] + "' declared twice");
          } else {
            params.add(new QueryParam(e[3], kind.get(), e[5] != null, e[1]));
          }
        }
        default -> throw new IllegalStateException(e[0]);
      }
    }
    if (title == null) {
      problems.add("no '# title: ' line");
    }
    if (question == null) {
      problems.add("no '# question: ' line");
    }
    if (exampleLines.isEmpty()) {
      problems.add("no '# example: ' line");
    }
    List<QueryExample> examples = new ArrayList<>();
    for (String line : exampleLines) {
      examples.add(example(name, line, problems));
    }
    return new CatalogueQuery(name, text, title, question, params, examples, problems);
  }

  private static QueryExample example(String name, String command, List<String> problems) {
    String[] words = command.trim().split("\\s+");
    Map<String, String> values = new LinkedHashMap<>();
    if (words.length < 3 || !words[0].equals("cmograph") || !words[1].equals("query")) {
      problems.add("example '" + command + "' does not start with 'cmograph query'");
    } else if (!words[2].equals(name) && !words[2].endsWith(".rq")) {
      problems.add("example '" + command + "' runs '" + words[2] + "', not '" + name + "'");
    }
    for (int i = 3; i < words.length; i++) {
      Matcher m;
      if (words[i].equals("--param")
          && i + 1 < words.length
          && (m = ASSIGNMENT.matcher(words[i + 1])).matches()) {
        values.put(m.group(1), m.group(2));
        i++;
      } else {
        problems.add(
            "example '" + command + "': expected '--param NAME=VALUE' at '" + words[i] + "'");
        break;
      }
    }
    return new QueryExample(command.trim(), Collections.unmodifiableMap(values));
  }

  /** The query's name: its file name without {@code .rq}. */
  public String name() {
    return name;
  }

  /** The whole file, header included. */
  public String text() {
    return text;
  }

  /** The title, or the name when the header has none. */
  public String title() {
    return title != null ? title : name;
  }

  /** The question the query answers, or the empty string. */
  public String question() {
    return question != null ? question : "";
  }

  public List<QueryParam> params() {
    return params;
  }

  public List<QueryExample> examples() {
    return examples;
  }

  public Optional<QueryParam> param(String paramName) {
    return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
  }

  /**
   * Everything wrong with this file as a catalogue entry: header problems, SPARQL that does not
   * parse as standard SPARQL 1.1, a parameter the query never uses, an example that passes an
   * undeclared parameter or leaves out a required one. Empty for a complete entry.
   */
  public List<String> problems() {
    List<String> all = new ArrayList<>(headerProblems);
    Query q;
    try {
      q = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
    } catch (QueryParseException e) {
      all.add("not standard SPARQL 1.1: " + e.getMessage());
      return all;
    }
    for (QueryParam p : params) {
      Node marker = NodeFactory.createURI("urn:cmograph:unused-parameter-check");
      Query marked = substitute(q, Map.of(Var.alloc(p.name()), marker));
      if (marked.toString().equals(q.toString())) {
        all.add("parameter '" + p.name() + "' is declared but the query has no ?" + p.name());
      }
    }
    for (QueryExample ex : examples) {
      for (String given : ex.params().keySet()) {
        if (param(given).isEmpty()) {
          all.add("example '" + ex.command() + "' passes undeclared parameter '" + given + "'");
        }
      }
      for (QueryParam p : params) {
        if (!p.optional() && !ex.params().containsKey(p.name())) {
          all.add(
              "example '" + ex.command() + "' leaves out required parameter '" + p.name() + "'");
        }
      }
    }
    return all;
  }

  /** The parsed query (SPARQL 1.1 with ARQ extensions), parameters still free. */
  public synchronized Query query() {
    if (parsed == null && parseError == null) {
      try {
        parsed = QueryFactory.create(text, Syntax.syntaxARQ);
      } catch (QueryParseException e) {
        // Jena's message goes on to list every token it expected; the first line says where.
        parseError =
            e.getMessage() == null ? "syntax error" : e.getMessage().lines().findFirst().orElse("");
      }
    }
    if (parsed == null) {
      throw new QueryFailure("query '" + name + "' does not parse: " + parseError, null);
    }
    return parsed;
  }

  /**
   * The query with each given value substituted for its variable, as an RDF term of the declared
   * kind. Refuses undeclared parameters, missing required ones and values the kind cannot take.
   */
  public Query bind(Map<String, String> values) {
    for (String given : values.keySet()) {
      if (param(given).isEmpty()) {
        throw new QueryUsageException(
            "query '"
                + name
                + "' has no parameter '"
                + given
                + "'; "
                + (params.isEmpty() ? "it takes none" : "it takes " + usage()));
      }
    }
    Map<Var, Node> substitution = new LinkedHashMap<>();
    for (QueryParam p : params) {
      String value = values.get(p.name());
      if (value == null) {
        if (!p.optional()) {
          throw new QueryUsageException(
              "query '"
                  + name
                  + "' needs --param "
                  + p.name()
                  + "=VALUE ("
                  + p.description()
                  + ")");
        }
        continue;
      }
      substitution.put(Var.alloc(p.name()), p.kind().toNode(p.name(), value));
    }
    return substitute(query(), substitution);
  }

  /**
   * Replaces variables by terms in the parsed query. Substitution also adds each variable to the
   * projection; the columns the query declares are kept, so a parameter never changes the shape of
   * the results.
   */
  private static Query substitute(Query query, Map<Var, Node> substitution) {
    if (substitution.isEmpty()) {
      return query.cloneQuery();
    }
    Query bound = QueryTransformOps.syntaxSubstitute(query, substitution);
    if (query.isSelectType() && !query.isQueryResultStar()) {
      for (Var v : substitution.keySet()) {
        if (!query.getProjectVars().contains(v)) {
          bound.getProject().remove(v);
        }
      }
      bound.resetResultVars();
    }
    return bound;
  }

  /** The parameters as the command line takes them, e.g. {@code --param mechanism=ID}. */
  public String usage() {
    return params.stream()
        .map(
            p ->
                (p.optional() ? "[" : "")
                    + "--param "
                    + p.name()
                    + "="
                    + p.kind().keyword().toUpperCase(java.util.Locale.ROOT)
                    + (p.optional() ? "]" : ""))
        .collect(Collectors.joining(" "));
  }
}
