package com.incidentflow.reliability;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * The application as its own JVM on a file database, so a run can kill it (SIGKILL, as kill -9)
 * and start it again on the same data. Runs the main classes only, without the test set-up, or the
 * packaged jar as a user starts it ({@link #startJar}, for the lifecycle benchmark).
 */
public final class AppProcess {

  private final Process process;
  public final int port;

  private AppProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * {@code java [jvmOptions] -jar jar [arguments]} in {@code dir} (so the default ./data database lands
   * there), logging to {@code dir/logName}; {@code environment} is added to this JVM's.
   */
  public static AppProcess startJar(Path dir, Path jar, int port, List<String> jvmOptions, List<String> arguments,
      java.util.Map<String, String> environment, String logName) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.add("--server.port=" + port);
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(logName).toFile());
    builder.environment().putAll(environment);
    return new AppProcess(builder.start(), port);
  }

  /** The JVM's process id, for reading its CPU time and memory from /proc. */
  public long pid() {
    return process.pid();
  }

  static AppProcess start(Path dir, int port, int smtpPort, String logName) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx600m",
        "-cp", mainClasspath(),
        "com.incidentflow.IncidentFlowApplication",
        "--server.port=" + port,
        "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", // as application.yaml
        "--incident-flow.mail-catcher.enabled=false",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort,
        "--incident-flow.notifications.base-url=http://localhost:" + port));
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(logName).toFile())
        .start();
    return new AppProcess(process, port);
  }

  /** Polls the health endpoint until the app answers (a start takes tens of seconds here). */
  public void awaitReady() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 3000; i++) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The app exited with " + process.exitValue() + "; see its log");
      }
      try {
        HttpResponse<Void> health = http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("The app did not start");
  }

  /** SIGKILL: no shutdown hooks, no unlocking, no flushing — what kill -9 does. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM, as `kill` or a service manager sends it: the app shuts down cleanly. Answers the exit code. */
  public int stop() throws InterruptedException {
    process.destroy();
    return process.waitFor();
  }

  /** Surefire starts tests from a manifest-only jar; its Class-Path lists everything. Test classes stay out. */
  public static String mainClasspath() throws IOException {
    List<String> entries = new ArrayList<>(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
    if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
      try (JarFile booter = new JarFile(entries.get(0))) {
        String listed = booter.getManifest().getMainAttributes().getValue("Class-Path");
        if (listed != null) {
          entries = Arrays.stream(listed.trim().split("\\s+"))
              .map(entry -> entry.startsWith("file:") ? Path.of(URI.create(entry)).toString() : entry)
              .collect(Collectors.toCollection(ArrayList::new));
        }
      }
    }
    return entries.stream()
        .filter(entry -> !entry.contains("test-classes") && !entry.contains("surefire"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
