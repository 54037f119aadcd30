package org.cmograph.endpoint;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slows password guessing per client address: the first {@link #FREE_FAILURES} failed logins cost
 * nothing, each further one locks the address out for twice as long as the last (1 s, 2 s, 4 s ...
 * up to {@link #MAX_LOCKOUT}), and a login attempt during a lock-out is refused without the
 * password being checked. A success, or an hour without failures, forgets the address. At most
 * {@code maxClients} addresses are remembered (the least recently seen is forgotten first), so the
 * state is bounded whoever sends requests.
 */
final class LoginThrottle {
  static final int FREE_FAILURES = 5;
  static final Duration FIRST_LOCKOUT = Duration.ofSeconds(1);
  static final Duration MAX_LOCKOUT = Duration.ofMinutes(1);
  static final Duration FORGET_AFTER = Duration.ofHours(1);

  private static final class Client {
    int failures;
    long lockedUntil;
    long lastFailure;
    boolean refusalLogged;
  }

  private final Map<String, Client> clients;
  private final LongSupplier nanoTime;

  LoginThrottle(int maxClients, LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.clients =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Client> eldest) {
            return size() > maxClients;
          }
        };
  }

  LoginThrottle() {
    this(4096, System::nanoTime);
  }

  /**
   * How long {@code client} must wait before its password is checked again; zero when it may try
   * now. The second value says whether this is the first refusal of the current lock-out (the one
   * worth a log line).
   */
  synchronized Wait check(String client) {
    Client c = current(client);
    if (c == null) {
      return new Wait(Duration.ZERO, false);
    }
    long left = c.lockedUntil - nanoTime.getAsLong();
    if (left <= 0) {
      return new Wait(Duration.ZERO, false);
    }
    boolean first = !c.refusalLogged;
    c.refusalLogged = true;
    return new Wait(Duration.ofNanos(left), first);
  }

  /** Records a failed login; returns the failures in a row from this client. */
  synchronized int failed(String client) {
    long now = nanoTime.getAsLong();
    Client c = current(client);
    if (c == null) {
      c = new Client();
      clients.put(client, c);
    }
    c.failures++;
    c.lastFailure = now;
    if (c.failures >= FREE_FAILURES) {
      int doublings = Math.min(c.failures - FREE_FAILURES, 30);
      long lockout = Math.min(FIRST_LOCKOUT.toNanos() << doublings, MAX_LOCKOUT.toNanos());
      c.lockedUntil = now + lockout;
      c.refusalLogged = false;
    }
    return c.failures;
  }

  synchronized void succeeded(String client) {
    clients.remove(client);
  }

  synchronized int remembered() {
    return clients.size();
  }

  private Client current(String client) {
    Client c = clients.get(client);
    if (c != null && nanoTime.getAsLong() - c.lastFailure > FORGET_AFTER.toNanos()) {
      clients.remove(client);
      return null;
    }
    return c;
  }

  /** How long to wait, and whether this is the first refusal of the lock-out. */
  record Wait(Duration left, boolean first) {
    boolean locked() {
      return !left.isZero();
    }
  }
}
