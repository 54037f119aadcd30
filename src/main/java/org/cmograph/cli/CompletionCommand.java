package org.cmograph.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cmograph completion}: prints a bash completion script (zsh loads it through bashcompinit)
 * for the commands, their options and the catalogue's concept ids.
 *
 * <pre>
 * source &lt;(cmograph completion)                       # this shell
 * cmograph completion &gt; ~/.local/share/bash-completion/completions/cmograph   # every new shell
 * </pre>
 */
@Command(
    name = "completion",
    description = {
      "Print a bash/zsh completion script for cmograph.",
      "bash: source <(cmograph completion)",
      "zsh:  autoload -U +X compinit && compinit; autoload -U +X bashcompinit && bashcompinit;"
          + " source <(cmograph completion)"
    })
final class CompletionCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("cmograph", spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
