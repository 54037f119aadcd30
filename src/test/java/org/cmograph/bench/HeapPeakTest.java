package org.cmograph.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link HeapPeak} sees collections: an array kept across one is counted in the heap in use after
 * it, and the peak is at least that and at most what the heap may grow to.
 */
class HeapPeakTest {
  @Test
  void peakAndAfterCollectionCountWhatIsHeld() {
    HeapPeak.start();
    byte[] held = new byte[64 << 20];
    held[held.length - 1] = 1;
    System.gc();
    double afterGc = HeapPeak.afterGcMiB();
    double peak = HeapPeak.peakMiB();
    assertTrue(held[held.length - 1] == 1);
    assertTrue(afterGc >= 64, "after the collection the 64 MiB array is still in use: " + afterGc);
    assertTrue(peak >= afterGc, peak + " < " + afterGc);
    double max = Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
    assertTrue(peak <= max, peak + " MiB in use, more than the heap's " + max + " MiB");
  }
}
