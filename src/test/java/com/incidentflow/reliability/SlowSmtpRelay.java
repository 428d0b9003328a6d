package com.incidentflow.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Relays SMTP connections to the real server after a delay, so that sends take a while and a run
 * can kill the app while several are in flight.
 */
final class SlowSmtpRelay implements AutoCloseable {

  private final ServerSocket server;
  /** System.nanoTime() of every connection accepted: a delivery job starting its send. */
  private final List<Long> connections = new CopyOnWriteArrayList<>();

  SlowSmtpRelay(int targetPort, long delayMillis) throws IOException {
    server = new ServerSocket(0);
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket client = server.accept();
          connections.add(System.nanoTime());
          new Thread(() -> relay(client, targetPort, delayMillis)).start();
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

  /** When the first connection after the given System.nanoTime() came, or null if none has yet. */
  Long firstConnectionAfter(long nanos) {
    return connections.stream().filter(at -> at - nanos > 0).findFirst().orElse(null);
  }

  private static void relay(Socket client, int targetPort, long delayMillis) {
    try (client; Socket target = new Socket("127.0.0.1", targetPort)) {
      Thread.sleep(delayMillis);
      Thread back = new Thread(() -> pump(target, client));
      back.start();
      pump(client, target);
      back.join();
    } catch (IOException | InterruptedException ignored) {
      // the app was killed mid-conversation: exactly what the run provokes
    }
  }

  private static void pump(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException ignored) {
      // one side went away
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
