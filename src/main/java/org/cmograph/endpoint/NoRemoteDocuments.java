package org.cmograph.endpoint;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.lang.LangJSONLD11;

/**
 * Keeps RDF parsing in this process offline: a JSON-LD document that names a remote {@code
 * @context} is refused instead of fetched. Whoever can send RDF to the endpoint could otherwise
 * make the server issue requests to any address it can reach (server-side request forgery).
 * RDF/XML external entities are already refused by Jena's own XML set-up; SPARQL {@code LOAD} and
 * {@code SERVICE} are refused by {@link QueryPolicy}.
 *
 * <p>The setting lives in RIOT's JVM-wide context because Fuseki parses request bodies with it;
 * cmograph never wants a remote JSON-LD context, so installing it is idempotent and harmless to
 * the other commands.
 */
final class NoRemoteDocuments {
  private NoRemoteDocuments() {}

  static void install() {
    // Given the loader up front: the no-argument constructor builds Titanium's default HTTP
    // loader, whose HttpClient set-up (TLS) cost serve about a tenth of its start-up CPU.
    JsonLdOptions options =
        new JsonLdOptions(
            (url, loaderOptions) -> {
              throw new JsonLdError(
                  JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                  "remote JSON-LD documents are not fetched (" + url + "); inline the @context");
            });
    RIOT.getContext().set(LangJSONLD11.JSONLD_OPTIONS, options);
  }
}
