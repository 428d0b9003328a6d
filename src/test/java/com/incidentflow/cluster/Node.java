package com.incidentflow.cluster;

import com.incidentflow.IncidentFlowApplication;
import com.incidentflow.Mails;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An app node in a JVM of its own, started from the test's classpath with the "test" profile and the
 * job executor on, logging to target/nodes/NAME.log. {@link #kill()} is kill -9: no shutdown hook, no
 * clean stop, its database sessions simply end.
 */
final class Node implements AutoCloseable {

  final String name;
  final int port;
  final Path log;
  private final Process process;

  private Node(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  static Node start(String name, int smtpPort, List<String> arguments) throws IOException {
    int port = freePort();
    Path log = Files.createDirectories(Path.of("target", "nodes")).resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx600m",
        "-D" + Mails.PORT_PROPERTY + "=" + smtpPort,
        "-cp", classpath(),
        IncidentFlowApplication.class.getName(),
        "--spring.profiles.active=test",
        "--server.port=" + port));
    command.addAll(arguments);
    // Its own working directory: the project's would put processes/ on its classpath a second time.
    Path directory = Files.createDirectories(log.resolveSibling(name));
    Process process = new ProcessBuilder(command).directory(directory.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new Node(name, port, log, process);
  }

  String url() {
    return "http://localhost:" + port;
  }

  /** Waits until the node answers its health check; fails with its log's tail if it died. */
  void awaitReady(Duration atMost) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("node " + name + " exited with " + process.exitValue() + ":\n" + tail());
      }
      try {
        HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).build(),
            HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("node " + name + " not ready after " + atMost + ":\n" + tail());
  }

  /** kill -9. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  /** The test JVM's classpath (Surefire names it here; it starts the JVM from a manifest-only jar), absolute. */
  static String classpath() {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return java.util.Arrays.stream(classpath.split(java.io.File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
        .distinct()
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
