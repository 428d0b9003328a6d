package com.incidentflow.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Relays SMTP connections to the real server after a delay, so that sends take a while and a run
 * can kill the app while several are in flight.
 */
final class SlowSmtpRelay implements AutoCloseable {

  private final ServerSocket server;

  SlowSmtpRelay(int targetPort, long delayMillis) throws IOException {
    server = new ServerSocket(0);
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket client = server.accept();
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
