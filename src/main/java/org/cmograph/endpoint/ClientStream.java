package org.cmograph.endpoint;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;

/**
 * A response body ({@link RequestGuard} gives every response one) that drops the rest of the
 * response once a write fails, because the client closed the connection or read nothing for the
 * write time-out, instead of failing every later write: the handler finishes and frees its thread
 * and memory, and the failure is one line in the log rather than Fuseki's two stack traces.
 */
final class ClientStream extends ServletOutputStream {
  private final ServletOutputStream out;
  private volatile IOException failure;

  ClientStream(ServletOutputStream out) {
    this.out = out;
  }

  /** The first failed write, or null while the client reads. */
  IOException failure() {
    return failure;
  }

  private void gone(IOException e) {
    if (failure == null) {
      failure = e;
    }
  }

  @Override
  public void write(int b) {
    if (failure == null) {
      try {
        out.write(b);
      } catch (IOException e) {
        gone(e);
      }
    }
  }

  @Override
  public void write(byte[] b, int off, int len) {
    if (failure == null) {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        gone(e);
      }
    }
  }

  @Override
  public void flush() {
    if (failure == null) {
      try {
        out.flush();
      } catch (IOException e) {
        gone(e);
      }
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      gone(e);
    }
  }

  @Override
  public boolean isReady() {
    return out.isReady();
  }

  @Override
  public void setWriteListener(WriteListener listener) {
    out.setWriteListener(listener);
  }
}
