package org.cmograph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cmograph.extraction.Problem;
import org.cmograph.rdf.SelectionPipeline;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.rdf.TheoryPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cmograph validate PATH...}: every problem of every file, as FILE:LINE:COL: message. */
@Command(
    name = "validate",
    description = "Check extraction files (schema, references, catalogue, verbatim quotes, SHACL).")
final class ValidateCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders")
  List<Path> paths;

  @Option(names = "--sources", paramLabel = "DIR", description = "Folder of source texts (default: the sources/ folder beside the studies)")
  Path sources;

  @Option(names = {"-q", "--quiet"}, description = "Print problems only, no summary line")
  boolean quiet;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    StudyPipeline pipeline = Studies.pipeline(Workspace.current(), sources);
    StudyPipeline.Result result = pipeline.validate(paths);
    TheoryPipeline.Result theory = Studies.theoryPipeline(pipeline).validate(paths, result.valid());
    SelectionPipeline.Result selection = Studies.selectionPipeline(sources).validate(paths, result.valid());
    List<Problem> problems = new ArrayList<>(result.problems());
    problems.addAll(theory.problems());
    problems.addAll(selection.problems());
    problems.sort(Problem.BY_PLACE);
    Studies.printProblems(problems, out);
    long errors = result.errorCount() + theory.errorCount() + selection.errorCount();
    if (!quiet) {
      out.printf(
          "%d file(s) checked: %d valid, %d error(s), %d warning(s)%n",
          result.filesRead() + theory.filesRead() + selection.filesRead(),
          result.valid().size()
              + (theory.graph().isPresent() ? 1 : 0)
              + (selection.graph().isPresent() ? 1 : 0),
          errors,
          problems.size() - errors);
      if (!problems.isEmpty()) {
        out.println("each code is explained in docs/errors.md");
      }
    }
    out.flush();
    return errors > 0 ? 1 : 0;
  }
}
