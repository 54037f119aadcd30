package org.cmograph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing a store while another thread still reads it (a shutdown hook stopping {@code serve} while
 * it counts its studies) is refused with a plain message, not a transaction stack trace, and the
 * store opens again once the reader has finished.
 */
class CmoStoreCloseTest {
  @Test
  void closingWhileAnotherThreadReadsIsRefusedPlainly(@TempDir Path dir) throws Exception {
    CmoStore store = CmoStore.open(dir.resolve("store"));
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () ->
                Txn.executeRead(
                    store.dataset(),
                    () -> {
                      reading.countDown();
                      try {
                        closed.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
    reader.start();
    reading.await();
    StoreException e = assertThrows(StoreException.class, store::close);
    closed.countDown();
    reader.join();
    assertTrue(e.getMessage().contains("still being read or written"), e.getMessage());
    assertTrue(e.getMessage().contains(dir.resolve("store").toString()), e.getMessage());
    // Refused means nothing was released: the process's connection to the folder (which holds
    // its lock) is still the one in use, not dropped to be made anew.
    assertSame(
        store.dataset(),
        org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(dir.resolve("store").toString()));
    // Once the reader is done, closing works and the folder opens again.
    store.close();
    try (CmoStore again = CmoStore.open(dir.resolve("store"))) {
      assertEquals(0, again.studyIds().size());
    }
  }

  @Test
  void closingTwiceIsHarmless(@TempDir Path dir) {
    CmoStore store = CmoStore.open(dir.resolve("store"));
    store.close();
    store.close();
    try (CmoStore again = CmoStore.open(dir.resolve("store"))) {
      assertEquals(0, again.studyIds().size());
    }
  }
}
