package com.incidentflow.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Relays SMTP connections to the real server, slowly, so that a run can stop or kill the app while
 * sends are in flight: the server's greeting reaches the app after greetingDelay, and the server's
 * answer to the end of a message (the "." after DATA) after acceptDelay. In that second wait the
 * server has taken the mail and the app does not know it yet: a crash then sends it again.
 */
final class SlowSmtpRelay implements AutoCloseable {

  private static final byte[] END_OF_DATA = {'\r', '\n', '.', '\r', '\n'};

  private final ServerSocket server;
  /** System.nanoTime() of every connection accepted: a delivery job starting its send. */
  private final List<Long> connections = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepting = new AtomicInteger();
  private final AtomicInteger writing = new AtomicInteger();
  private final AtomicBoolean refusing = new AtomicBoolean();
  private final java.util.concurrent.atomic.AtomicLong greetingDelay = new java.util.concurrent.atomic.AtomicLong();

  SlowSmtpRelay(int targetPort, long greetingDelayMillis) throws IOException {
    this(targetPort, greetingDelayMillis, 0);
  }

  SlowSmtpRelay(int targetPort, long greetingDelayMillis, long acceptDelayMillis) throws IOException {
    server = new ServerSocket(0);
    greetingDelay.set(greetingDelayMillis);
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket client = server.accept();
          if (refusing.get()) {
            client.close(); // as a server that is down: the send fails and its delivery retries
            continue;
          }
          connections.add(System.nanoTime());
          long delay = greetingDelay.get();
          new Thread(() -> relay(client, targetPort, delay, acceptDelayMillis)).start();
        } catch (IOException closed) {
          return;
        }
      }
    }, "slow-smtp-relay");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** The greeting delay of connections from now on (at most the app's 10 s SMTP read timeout). */
  void greetingDelay(long millis) {
    greetingDelay.set(millis);
  }

  /** When the first connection after the given System.nanoTime() came, or null if none has yet. */
  Long firstConnectionAfter(long nanos) {
    return connections.stream().filter(at -> at - nanos > 0).findFirst().orElse(null);
  }

  /** While refusing, every connection is closed at once: the server is down. */
  void refuse(boolean refuse) {
    refusing.set(refuse);
  }

  /** Sends that began their message (DATA) and have not ended it yet. */
  int writing() {
    return writing.get();
  }

  /** Mails the server has taken whose answer the app is still waiting for. */
  int accepting() {
    return accepting.get();
  }

  private void relay(Socket client, int targetPort, long greetingDelayMillis, long acceptDelayMillis) {
    try (client; Socket target = new Socket("127.0.0.1", targetPort)) {
      Thread.sleep(greetingDelayMillis);
      AtomicBoolean ended = new AtomicBoolean();
      Thread back = new Thread(() -> pump(target, client, () -> {
        if (ended.getAndSet(false)) {
          try {
            Thread.sleep(acceptDelayMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          accepting.decrementAndGet();
        }
      }, null));
      back.start();
      pump(client, target, writing::incrementAndGet, () -> {
        writing.decrementAndGet();
        accepting.incrementAndGet();
        ended.set(true);
      });
      back.join();
    } catch (IOException | InterruptedException ignored) {
      // the app went away mid-conversation: exactly what the runs provoke
    }
  }

  /**
   * Copies from one side to the other. From the server: beforeWrite runs before each chunk is passed
   * on. From the app (onEndOfData not null): beforeWrite runs when a chunk is the DATA command,
   * onEndOfData when a chunk ends a message.
   */
  private static void pump(Socket from, Socket to, Runnable beforeWrite, Runnable onEndOfData) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[8192];
      byte[] tail = new byte[0];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        if (onEndOfData == null) {
          beforeWrite.run();
        } else if (n >= 6 && new String(buffer, 0, 6, java.nio.charset.StandardCharsets.US_ASCII).equalsIgnoreCase("DATA\r\n")) {
          beforeWrite.run();
        }
        boolean endsMessage = false;
        if (onEndOfData != null) {
          byte[] seen = new byte[tail.length + n];
          System.arraycopy(tail, 0, seen, 0, tail.length);
          System.arraycopy(buffer, 0, seen, tail.length, n);
          endsMessage = endsWith(seen, END_OF_DATA);
          tail = java.util.Arrays.copyOfRange(seen, Math.max(0, seen.length - END_OF_DATA.length), seen.length);
        }
        if (endsMessage) {
          onEndOfData.run(); // before the server can answer
        }
        out.write(buffer, 0, n);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException ignored) {
      // one side went away
    }
  }

  private static boolean endsWith(byte[] bytes, byte[] suffix) {
    if (bytes.length < suffix.length) {
      return false;
    }
    for (int i = 0; i < suffix.length; i++) {
      if (bytes[bytes.length - suffix.length + i] != suffix[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
