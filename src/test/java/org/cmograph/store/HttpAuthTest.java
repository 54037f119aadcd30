package org.cmograph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Challenges are read as servers write them, and Digest answers match the RFCs' own examples. */
class HttpAuthTest {
  @Test
  void digestMatchesTheRfc2617Example() {
    HttpAuth auth = new HttpAuth(new RemoteGraphStore.Credentials("Mufasa", "Circle Of Life"));
    assertEquals(
        "6629fae49393a05397450978507c4ef1",
        auth.digest(
            "MD5",
            false,
            true,
            "testrealm@host.com",
            "dcd98b7102dd2f0e8b11d0f600bfb0c093",
            "00000001",
            "0a4f113b",
            "GET",
            "/dir/index.html"));
  }

  @Test
  void digestMatchesTheRfc7616Sha256Example() {
    HttpAuth auth = new HttpAuth(new RemoteGraphStore.Credentials("Mufasa", "Circle of Life"));
    assertEquals(
        "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
        auth.digest(
            "SHA-256",
            false,
            true,
            "http-auth@example.org",
            "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
            "00000001",
            "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
            "GET",
            "/dir/index.html"));
  }

  @Test
  void virtuososChallengeIsReadWhole() {
    HttpAuth.Challenge c =
        HttpAuth.preferred(
            List.of(
                "Digest realm=\"SPARQL\", domain=\"/sparql-graph-crud-auth\","
                    + " nonce=\"07eeaa913cbe9fd182047fb5770618b9\","
                    + " opaque=\"5ebe2294ecd0e0f08eab7690d2a6ee69\", stale=\"false\","
                    + " qop=\"auth\", algorithm=\"MD5\""));
    assertTrue(c.digest());
    assertEquals("SPARQL", c.params().get("realm"));
    assertEquals("07eeaa913cbe9fd182047fb5770618b9", c.params().get("nonce"));
    assertEquals("auth", c.params().get("qop"));
    assertEquals("MD5", c.params().get("algorithm"));
  }

  @Test
  void digestIsPreferredToBasicAndUnknownSchemesAreNotAnswered() {
    HttpAuth.Challenge both =
        HttpAuth.preferred(List.of("Basic realm=\"a\", Digest realm=\"b\", nonce=\"n\""));
    assertTrue(both.digest());
    assertEquals("b", both.params().get("realm"));
    assertEquals("Basic", HttpAuth.preferred(List.of("Basic realm=\"cmo\"")).scheme());
    assertNull(HttpAuth.preferred(List.of("Bearer realm=\"x\"")));
    assertNull(
        HttpAuth.preferred(List.of("Digest realm=\"x\", nonce=\"n\", algorithm=SHA-512-256")));
  }
}
