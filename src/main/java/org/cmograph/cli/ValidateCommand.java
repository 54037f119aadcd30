package org.cmograph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cmograph.extraction.Problem;
import org.cmograph.rdf.SelectionPipeline;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.rdf.TheoryPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cmograph validate PATH...}: every problem of every file, as FILE:LINE:COL: message. */
@Command(
    name = "validate",
    description = "Check extraction files (schema, references, catalogue, verbatim quotes, SHACL).")
final class ValidateCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders")
  List<Path> paths;

  @Mixin SourcesOption sourcesOption;

  @Mixin OutputOptions output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    StudyPipeline pipeline = Studies.pipeline(Workspace.current(), sourcesOption.sources);
    StudyPipeline.Result result = pipeline.validate(paths);
    TheoryPipeline.Result theory = Studies.theoryPipeline(pipeline).validate(paths, result.valid());
    SelectionPipeline.Result selection =
        Studies.selectionPipeline(sourcesOption.sources).validate(paths, result.valid());
    List<Problem> problems = new ArrayList<>(result.problems());
    problems.addAll(theory.problems());
    problems.addAll(selection.problems());
    problems.sort(Problem.BY_PLACE);
    long errors = result.errorCount() + theory.errorCount() + selection.errorCount();
    int filesRead = result.filesRead() + theory.filesRead() + selection.filesRead();
    int valid =
        result.valid().size()
            + (theory.graph().isPresent() ? 1 : 0)
            + (selection.graph().isPresent() ? 1 : 0);
    if (output.json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("ok", errors == 0);
      o.put("filesRead", filesRead);
      o.put("valid", valid);
      o.put("errors", errors);
      o.put("warnings", problems.size() - errors);
      o.put("problems", JsonOutput.problems(problems));
      JsonOutput.print(out, o);
      return errors > 0 ? 1 : 0;
    }
    Studies.printProblems(problems, out);
    if (!output.quiet) {
      out.printf(
          "%d file(s) checked: %d valid, %d error(s), %d warning(s)%n",
          filesRead, valid, errors, problems.size() - errors);
      if (!problems.isEmpty()) {
        out.println("each code is explained in docs/errors.md");
      }
    }
    out.flush();
    return errors > 0 ? 1 : 0;
  }
}
