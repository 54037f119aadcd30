package org.cmograph.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --store DIR} option shared by every command that reads or writes the store. */
public final class StoreOptions {
  @Option(
      names = "--store",
      paramLabel = "DIR",
      description = "TDB2 store folder (default: .cmograph/store, filled from data/ on first use)")
  Path store;

  /** True when the user named no store, so the default one is meant. */
  boolean isDefault() {
    return store == null;
  }

  Path resolve(Workspace ws) {
    return store != null ? store : ws.defaultStore();
  }
}
