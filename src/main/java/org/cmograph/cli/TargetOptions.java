package org.cmograph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.apache.jena.http.auth.AuthEnv;
import org.cmograph.store.EndpointUrl;
import org.cmograph.store.RemoteGraphStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where a command reads or writes: a store folder ({@code --store}) or a server ({@code --endpoint
 * URL}, with HTTP Basic credentials from {@code --user} and {@code --password-file}). Which URL of
 * a server a command wants (SPARQL query, Graph Store read or write) its help says ({@code
 * Options.properties}).
 */
final class TargetOptions {
  @Mixin StoreOptions storeOptions;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      descriptionKey = "endpoint",
      description = "A server to use instead of the store folder")
  String endpoint;

  @Option(names = "--user", paramLabel = "USER", description = "HTTP Basic user for --endpoint")
  String user;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "File whose first line is --user's password")
  Path passwordFile;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** The credentials read by {@link #check}, or null. */
  RemoteGraphStore.Credentials credentials;

  /** True when the command goes to a server. */
  boolean remote() {
    return endpoint != null;
  }

  /**
   * Refuses contradictory options (a usage error, exit 2) and reads the password file, so that a
   * wrong one is reported before any work; returns the credentials, or null without {@code --user}.
   */
  RemoteGraphStore.Credentials check() {
    if (endpoint != null && !storeOptions.isDefault()) {
      throw new ParameterException(mixee.commandLine(), "give --store or --endpoint, not both");
    }
    if ((user == null) != (passwordFile == null)) {
      throw new ParameterException(mixee.commandLine(), "--user and --password-file go together");
    }
    if (user != null && endpoint == null) {
      throw new ParameterException(mixee.commandLine(), "--user is for --endpoint");
    }
    credentials =
        user == null
            ? null
            : new RemoteGraphStore.Credentials(user, PasswordFile.read(passwordFile));
    return credentials;
  }

  /**
   * As {@link #check}, and has Jena's HTTP client send the credentials (HTTP Basic) with every
   * request to the endpoint's URL and below it, as SPARQL queries are sent.
   */
  void checkForReading() {
    RemoteGraphStore.Credentials credentials = check();
    if (credentials != null) {
      AuthEnv.get().registerBasicAuthModifier(endpoint, credentials.user(), credentials.password());
    }
  }

  /** Warns (unless {@code silent}) when the URL itself holds a password. */
  void warnOfCredentialsInUrl(PrintWriter err, boolean silent) {
    if (EndpointUrl.hasUserInfo(endpoint) && !silent) {
      err.println(
          "warning: the --endpoint URL holds credentials (shown as "
              + EndpointUrl.redacted(endpoint)
              + "); other users of this machine can read a command line: prefer --user and"
              + " --password-file");
    }
  }

  Path resolve(Workspace ws) {
    return storeOptions.resolve(ws);
  }
}
