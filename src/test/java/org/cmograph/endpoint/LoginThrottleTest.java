package org.cmograph.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  final AtomicLong now = new AtomicLong();
  final LoginThrottle throttle = new LoginThrottle(100, now::get);

  @Test
  void aFewFailuresAreFreeThenEachLocksOutTwiceAsLongUpToAMinute() {
    for (int i = 1; i < LoginThrottle.FREE_FAILURES; i++) {
      throttle.failed("a");
      assertFalse(throttle.check("a").locked(), "failure " + i);
    }
    long expected = 1_000;
    for (int i = 0; i < 12; i++) {
      throttle.failed("a");
      LoginThrottle.Wait wait = throttle.check("a");
      assertEquals(Math.min(expected, 60_000), wait.left().toMillis());
      assertTrue(wait.first());
      assertFalse(throttle.check("a").first(), "only the first refusal of a lock-out is logged");
      assertFalse(throttle.check("b").locked(), "other clients are not affected");
      now.addAndGet(wait.left().toNanos());
      assertFalse(throttle.check("a").locked());
      expected *= 2;
    }
  }

  @Test
  void aSuccessOrAnHourOfQuietForgetsTheClient() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("a");
      throttle.failed("b");
    }
    throttle.succeeded("a");
    assertFalse(throttle.check("a").locked());
    now.addAndGet(Duration.ofHours(1).plusSeconds(1).toNanos());
    assertFalse(throttle.check("b").locked());
    assertEquals(1, throttle.failed("b"), "counting starts again");
  }

  @Test
  void memoryIsBoundedWhateverTheNumberOfClients() {
    for (int i = 0; i < 100_000; i++) {
      throttle.failed("10.0." + (i >> 8) + "." + (i & 255));
    }
    assertEquals(100, throttle.remembered());
  }
}
