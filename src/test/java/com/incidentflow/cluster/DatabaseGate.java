package com.incidentflow.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the app and its database server that can make the database go away: {@link
 * #cut()} drops every open connection and refuses new ones (the port is closed, as when the server is
 * down or unreachable) until {@link #open()}.
 */
final class DatabaseGate implements AutoCloseable {

  private final String host;
  private final int upstreamPort;
  private final int port;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket listening;

  DatabaseGate(String host, int upstreamPort) throws IOException {
    this.host = host;
    this.upstreamPort = upstreamPort;
    this.port = Node.freePort();
    open();
  }

  /** The JDBC URL of the same database, through this gate. */
  String url(String jdbcUrl) {
    return jdbcUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + port + "/");
  }

  static DatabaseGate in(String jdbcUrl) throws IOException {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("//([^:/]+):(\\d+)/").matcher(jdbcUrl);
    if (!m.find()) {
      throw new IllegalArgumentException("no host:port in " + jdbcUrl);
    }
    return new DatabaseGate(m.group(1), Integer.parseInt(m.group(2)));
  }

  synchronized void open() throws IOException {
    if (listening != null) {
      return;
    }
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress("127.0.0.1", port));
    listening = server;
    Thread acceptor = new Thread(() -> accept(server), "database-gate");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Drops every connection and refuses new ones. */
  synchronized void cut() throws IOException {
    if (listening != null) {
      listening.close();
      listening = null;
    }
    for (Socket socket : List.copyOf(sockets)) {
      close(socket);
    }
  }

  private void accept(ServerSocket server) {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException closed) {
        return;
      }
      try {
        Socket upstream = new Socket(host, upstreamPort);
        sockets.add(client);
        sockets.add(upstream);
        pipe(client, upstream);
        pipe(upstream, client);
      } catch (IOException e) {
        close(client);
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException ended) {
        // one side closed (or the gate cut it)
      } finally {
        close(from);
        close(to);
      }
    }, "database-gate-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  private void close(Socket socket) {
    sockets.remove(socket);
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    cut();
  }
}
