package org.cmograph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cmograph.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cmograph summary} as a programme-theory author runs it, after loading the bundled studies and theory. */
class SummaryCommandIT {
  static CliIT.Run load(String store) {
    return CliIT.run(
        "load",
        Repo.data().resolve("studies").toString(),
        Repo.data().resolve("programme-theory.yaml").toString(),
        "--store",
        store);
  }

  @Test
  void summariesFromALoadedStore(@TempDir Path tmp) throws IOException {
    String store = tmp.resolve("store").toString();
    CliIT.Run load = load(store);
    assertEquals(0, load.exit(), load.err());

    CliIT.Run one = CliIT.run("summary", "--mechanism", "hope", "--theory-cmoc", "hope-through-new-paths", "--store", store);
    assertEquals(0, one.exit(), one.err());
    assertTrue(one.out().startsWith("<a id=\"top\"></a>\n\n# Evidence summaries\n"), one.out());
    assertTrue(one.out().contains("## Theory CMOC: A sense of hope by working out new paths to recovery"), one.out());
    assertTrue(one.out().contains("## Mechanism: Hope"), one.out());
    assertTrue(one.out().contains("**Data as of 2026-12-06**"), one.out());

    Path out = tmp.resolve("site");
    CliIT.Run site = CliIT.run("summary", "--format", "html", "--out", out.toString(), "--store", store);
    assertEquals(0, site.exit(), site.err());
    assertTrue(site.out().startsWith("wrote "), site.out());
    for (String f : new String[] {"index.html", "mechanism-trusting-relationship.html",
        "summary-of-qualitative-findings.csv", "evidence-profile.csv", "evidence-matrix.csv"}) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    assertTrue(Files.readString(out.resolve("index.html")).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"theory-diagram\""));
  }

  @Test
  void unknownIdsAndFormatsAreUsageErrors(@TempDir Path tmp) {
    String store = tmp.resolve("store").toString();
    assertEquals(0, load(store).exit());
    CliIT.Run typo = CliIT.run("summary", "--mechanism", "trusting-relationshp", "--store", store);
    assertEquals(2, typo.exit());
    assertTrue(typo.err().contains("no mechanism 'trusting-relationshp' with evidence or in the theory; did you mean 'trusting-relationship'?"), typo.err());
    assertEquals(2, CliIT.run("summary", "--theory-cmoc", "trust", "--store", store).exit());
    assertEquals(2, CliIT.run("summary", "--format", "pdf", "--store", store).exit());
  }
}
