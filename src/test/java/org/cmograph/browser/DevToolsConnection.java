package org.cmograph.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * One WebSocket to Chromium's DevTools Protocol: numbered commands with their replies, and events
 * handed to listeners. Commands for a page carry that page's session id (flat session mode), so one
 * connection drives the browser and all its pages. Plain {@code java.net.http}: no driver binary,
 * nothing downloaded.
 */
final class DevToolsConnection implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebSocket socket;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<BiConsumer<String, JsonNode>> listeners = new CopyOnWriteArrayList<>();

  private DevToolsConnection(WebSocket socket) {
    this.socket = socket;
  }

  static DevToolsConnection open(URI webSocketUrl, Duration timeout) throws IOException {
    Receiver receiver = new Receiver();
    try {
      WebSocket socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .connectTimeout(timeout)
              .buildAsync(webSocketUrl, receiver)
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      DevToolsConnection connection = new DevToolsConnection(socket);
      receiver.connection = connection;
      return connection;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while connecting to " + webSocketUrl, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("cannot connect to DevTools at " + webSocketUrl + ": " + e, e);
    }
  }

  /** Listens to every event: (session id or "" for the browser, the whole message). */
  void onEvent(BiConsumer<String, JsonNode> listener) {
    listeners.add(listener);
  }

  /** Sends a command and waits for its result; a protocol error becomes an exception. */
  JsonNode send(String sessionId, String method, ObjectNode params, Duration timeout)
      throws IOException {
    long id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", params == null ? JSON.createObjectNode() : params);
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    try {
      synchronized (socket) {
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
      }
      JsonNode answer = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (answer.has("error")) {
        throw new IOException(method + " failed: " + answer.get("error"));
      }
      return answer.path("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted during " + method, e);
    } catch (ExecutionException e) {
      throw new IOException(method + " failed: " + e.getCause(), e);
    } catch (TimeoutException e) {
      throw new IOException(method + " got no answer within " + timeout, e);
    } finally {
      pending.remove(id);
    }
  }

  static ObjectNode params() {
    return JSON.createObjectNode();
  }

  private void receive(String text) {
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (IOException e) {
      return;
    }
    if (message.has("id")) {
      CompletableFuture<JsonNode> reply = pending.get(message.get("id").asLong());
      if (reply != null) {
        reply.complete(message);
      }
    } else if (message.has("method")) {
      String session = message.path("sessionId").asText("");
      for (BiConsumer<String, JsonNode> l : listeners) {
        l.accept(session, message);
      }
    }
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    socket.abort();
  }

  /** Collects message fragments and hands whole messages to the connection. */
  private static final class Receiver implements WebSocket.Listener {
    volatile DevToolsConnection connection;
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        DevToolsConnection c = connection;
        if (c != null) {
          c.receive(text);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
