package com.incidentflow.cluster;

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
 * A TCP relay in front of the test's SMTP server. Open, it passes every connection through; closed, it
 * accepts connections and never answers, and swallows what a sender writes on a connection it opened before (the app
 * keeps SMTP connections open between mails), so a node sending through it stays in the middle of sending until it
 * is killed.
 */
final class SmtpGate implements AutoCloseable {

  private final ServerSocket server;
  private final int target;
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final AtomicInteger held = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  SmtpGate(int target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0);
    Thread acceptor = new Thread(this::accept, "smtp-gate");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  void close(boolean closed) {
    open.set(!closed);
  }

  /** Connections accepted while closed, or written to while closed: senders stuck in the middle of sending. */
  int held() {
    return held.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        if (!open.get()) {
          held.incrementAndGet();
          continue;
        }
        Socket upstream = new Socket("127.0.0.1", target);
        sockets.add(upstream);
        pipe(client.getInputStream(), upstream.getOutputStream(), true);
        pipe(upstream.getInputStream(), client.getOutputStream(), false);
      } catch (IOException e) {
        if (server.isClosed()) {
          return;
        }
      }
    }
  }

  private void pipe(InputStream in, OutputStream out, boolean fromSender) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[8192];
      boolean holding = false;
      try (in; out) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (!open.get()) {
            if (fromSender && !holding) { // a sender stuck on a connection it opened while the gate was open
              holding = true;
              held.incrementAndGet();
            }
            continue;
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException ignored) {
        // the other side closed
      }
    }, "smtp-gate-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
  }
}
