package org.cmograph.report;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cmograph.generate.ExtractionProfile;
import org.cmograph.generate.SyntheticStudies;
import org.cmograph.rdf.ReferenceData;
import org.cmograph.rdf.StudyPipeline;
import org.cmograph.store.CmoStore;
import org.cmograph.testing.Repo;

/** An in-memory store of generated studies (shaped like the bundled ones), for report tests. */
public final class GeneratedStore {
  private GeneratedStore() {}

  /**
   * Generates {@code studies} studies with {@code seed} into {@code dir}, validates and loads them.
   */
  public static CmoStore of(Path dir, long seed, int studies) throws IOException {
    Set<String> concepts = new TreeSet<>();
    Matcher m =
        Pattern.compile("(?m)^mech:([a-z0-9-]+)\\s*\\n\\s*a cmo:MechanismConcept")
            .matcher(Files.readString(Repo.root().resolve("ontology/mechanism-catalogue.ttl")));
    while (m.find()) {
      concepts.add(m.group(1));
    }
    ExtractionProfile profile =
        ExtractionProfile.of(
            Repo.data().resolve("studies"),
            org.cmograph.rdf.ReferenceData.load(Repo.root().resolve("ontology")).concepts());
    new SyntheticStudies(profile, concepts, seed).write(studies, dir);
    StudyPipeline pipeline =
        new StudyPipeline(
            ReferenceData.load(Repo.root().resolve("ontology")), dir.resolve("sources"), dir);
    StudyPipeline.Result result = pipeline.validate(List.of(dir.resolve("studies")));
    assertFalse(result.hasErrors(), result.problems().toString());
    CmoStore store = CmoStore.inMemory();
    ReferenceData ref = pipeline.reference();
    store.replace(ref.ontology(), ref.catalogue(), result.valid(), pipeline::convert);
    return store;
  }
}
