package org.cmograph.endpoint;

import java.time.Duration;
import java.util.Objects;

/**
 * How the endpoint runs.
 *
 * @param bind the address to listen on (loopback by default)
 * @param port 0 picks a free port (tests)
 * @param timeout the longest any query may run
 * @param maxRows most rows a SELECT returns (and solutions a CONSTRUCT/DESCRIBE uses)
 * @param maxRequestBytes larger request bodies are refused with 413
 * @param updateUser null keeps the endpoint read-only
 * @param concurrentQueries most queries running at once; the others wait their turn
 * @param queueWait longest a query waits for its turn before the endpoint answers 503
 * @param maxWorkBytes most intermediate results one query may keep (estimated bytes: sorted and
 *     distinct solutions, groups, aggregated values, the kept side of a join)
 * @param writeTimeout longest a response may wait for its client to read before the connection is
 *     closed
 */
public record ServerSettings(
    String bind,
    int port,
    Duration timeout,
    int maxRows,
    long maxRequestBytes,
    Credentials updateUser,
    int concurrentQueries,
    Duration queueWait,
    long maxWorkBytes,
    Duration writeTimeout) {
  public ServerSettings {
    Objects.requireNonNull(writeTimeout, "writeTimeout");
    if (maxWorkBytes < 1024 * 1024) {
      throw new IllegalArgumentException("a query needs at least 1 MiB for intermediate results");
    }
    if (writeTimeout.isNegative() || writeTimeout.isZero()) {
      throw new IllegalArgumentException("write timeout must be positive");
    }
    Objects.requireNonNull(queueWait, "queueWait");
    if (concurrentQueries < 1) {
      throw new IllegalArgumentException("at least one query must be able to run at once");
    }
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(timeout, "timeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, not " + port);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (maxRows < 1) {
      throw new IllegalArgumentException("max rows must be at least 1");
    }
    if (maxRequestBytes < 1024) {
      throw new IllegalArgumentException("request size limit must be at least 1024 bytes");
    }
  }

  public static ServerSettings defaults() {
    return new ServerSettings(
        "127.0.0.1",
        3030,
        Duration.ofSeconds(10),
        10_000,
        10L * 1024 * 1024,
        null,
        defaultConcurrentQueries(),
        Duration.ofSeconds(30),
        defaultMaxWorkBytes(defaultConcurrentQueries()),
        Duration.ofSeconds(30));
  }

  /**
   * A quarter of the heap shared by the queries that may run at once, each between 16 and 256 MiB:
   * the running queries' intermediate results together stay well inside the heap.
   */
  public static long defaultMaxWorkBytes(int concurrentQueries) {
    long share = Runtime.getRuntime().maxMemory() / 4 / Math.max(1, concurrentQueries);
    return Math.max(16L << 20, Math.min(256L << 20, share));
  }

  /** Twice the cores: enough to overlap waiting on disk, few enough that each runs at speed. */
  public static int defaultConcurrentQueries() {
    return 2 * Runtime.getRuntime().availableProcessors();
  }

  public ServerSettings withPort(int port) {
    return new ServerSettings(
        bind,
        port,
        timeout,
        maxRows,
        maxRequestBytes,
        updateUser,
        concurrentQueries,
        queueWait,
        maxWorkBytes,
        writeTimeout);
  }

  public ServerSettings withBind(String bind) {
    return new ServerSettings(
        bind,
        port,
        timeout,
        maxRows,
        maxRequestBytes,
        updateUser,
        concurrentQueries,
        queueWait,
        maxWorkBytes,
        writeTimeout);
  }

  public ServerSettings withTimeout(Duration timeout) {
    return new ServerSettings(
        bind,
        port,
        timeout,
        maxRows,
        maxRequestBytes,
        updateUser,
        concurrentQueries,
        queueWait,
        maxWorkBytes,
        writeTimeout);
  }

  public ServerSettings withMaxRows(int maxRows) {
    return new ServerSettings(
        bind,
        port,
        timeout,
        maxRows,
        maxRequestBytes,
        updateUser,
        concurrentQueries,
        queueWait,
        maxWorkBytes,
        writeTimeout);
  }

  public ServerSettings withMaxRequestBytes(long maxRequestBytes) {
    return new ServerSettings(
        bind,
        port,
        timeout,
        maxRows,
        maxRequestBytes,
        updateUser,
        concurrentQueries,
        queueWait,
        maxWorkBytes,
        writeTimeout);
  }

  public ServerSettings withUpdateUser(Credentials updateUser) {
    return new ServerSettings(
        bind,
        port,
        timeout,
        maxRows,
        maxRequestBytes,
        updateUser,
        concurrentQueries,
        queueWait,
        maxWorkBytes,
        writeTimeout);
  }

  public ServerSettings withConcurrentQueries(int concurrentQueries, Duration queueWait) {
    return new ServerSettings(
        bind,
        port,
        timeout,
        maxRows,
        maxRequestBytes,
        updateUser,
        concurrentQueries,
        queueWait,
        maxWorkBytes,
        writeTimeout);
  }

  public ServerSettings withMaxWorkBytes(long maxWorkBytes) {
    return new ServerSettings(
        bind,
        port,
        timeout,
        maxRows,
        maxRequestBytes,
        updateUser,
        concurrentQueries,
        queueWait,
        maxWorkBytes,
        writeTimeout);
  }

  public ServerSettings withWriteTimeout(Duration writeTimeout) {
    return new ServerSettings(
        bind,
        port,
        timeout,
        maxRows,
        maxRequestBytes,
        updateUser,
        concurrentQueries,
        queueWait,
        maxWorkBytes,
        writeTimeout);
  }

  public boolean writable() {
    return updateUser != null;
  }

  /** The user allowed to write, with the password read from the password file. */
  public record Credentials(String user, String password) {
    public Credentials {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      if (user.isBlank() || password.isEmpty()) {
        throw new IllegalArgumentException("update user and password must not be empty");
      }
    }

    @Override
    public String toString() {
      return "Credentials[user=" + user + ", password=****]";
    }
  }
}
