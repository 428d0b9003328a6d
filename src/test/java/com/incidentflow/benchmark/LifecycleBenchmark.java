package com.incidentflow.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.incidentflow.reliability.AppProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Not a test: the lifecycle benchmark (docs/performance.md). Starts the packaged jar as a user does
 * (default setup; mail to a real SMTP server, GreenMail, in this JVM), drives whole incidents over HTTP
 * with concurrent workers and prints Markdown tables: incidents/s, the app's CPU per incident, per-step
 * latencies, the manager-report mail latency, every non-2xx answer, beside the bare engine
 * ({@link BareEngine}); then on H2 the memory figures, and the scale figures on an H2 node of its own
 * whose database is kept for the next run. On PostgreSQL with one and two nodes
 * too when a database is given (INCIDENT_FLOW_TEST_DB_URL, as .ci/with-postgres sets it).
 *
 * <p>Its name does not match Surefire's patterns: {@code ./mvnw -B verify -Pbenchmark} runs it after the
 * jar is packaged. Settings (-D): benchmark.parts, .incidents, .workers, .warmup, .mixed, .open,
 * .requests, .memoryIncidents, .jvmOptions — defaults below.
 */
class LifecycleBenchmark {

  static final String PARTS = System.getProperty("benchmark.parts", "h2,postgres,cluster,bare,mixed,scale,memory");
  static final int INCIDENTS = Integer.getInteger("benchmark.incidents", 16);
  static final List<Integer> WORKERS = Arrays.stream(System.getProperty("benchmark.workers", "2,8").split(","))
      .map(String::trim).map(Integer::valueOf).toList();
  static final int WARMUP = Integer.getInteger("benchmark.warmup", 4);
  static final int MIXED = Integer.getInteger("benchmark.mixed", 24);
  static final int MIXED_WORKERS = 4;
  static final int OPEN = Integer.getInteger("benchmark.open", 2_000);
  static final int REQUESTS = Integer.getInteger("benchmark.requests", 50);
  static final int MEMORY_INCIDENTS = Integer.getInteger("benchmark.memoryIncidents", 0);
  /** The scale part's database, kept for the next run (target/ is removed by mvn clean). */
  static final Path SCALE_DIR = Path.of("target", "scale-benchmark");
  static final List<String> JVM_OPTIONS = List.of(System.getProperty("benchmark.jvmOptions", "-Xmx1g").trim().split("\\s+"));

  final Set<String> parts = new LinkedHashSet<>(Arrays.asList(PARTS.split(",")));
  final Path root = Path.of("target", "benchmark");
  final StringBuilder report = new StringBuilder();
  final List<String> lifecycleRows = new ArrayList<>();
  final List<String> stepTables = new ArrayList<>();
  final List<String> mixedRows = new ArrayList<>();
  final List<String> refusalRows = new ArrayList<>();
  final List<String> scaleRows = new ArrayList<>();
  final List<String> memoryRows = new ArrayList<>();
  /** Figures for the ratios: the app at the largest worker count on H2, one node; the bare engine likewise. */
  Run appAtMost;
  Run bareAtMost;
  String loadAtStart;

  @Test
  void run() throws Exception {
    Path jar = Path.of(System.getProperty("benchmark.jar", "target/incident-flow-0.1.0-SNAPSHOT.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("No jar at " + jar + ": run the benchmark with ./mvnw verify -Pbenchmark (it packages first)");
    }
    String database = System.getenv("INCIDENT_FLOW_TEST_DB_URL");
    if ((parts.contains("postgres") || parts.contains("cluster")) && (database == null || database.isBlank())) {
      System.out.println("BENCHMARK no PostgreSQL given (INCIDENT_FLOW_TEST_DB_URL): H2 only; run through .ci/with-postgres for all three setups");
      parts.remove("postgres");
      parts.remove("cluster");
    }
    Files.createDirectories(root);
    loadAtStart = loadAverage();
    System.out.printf("BENCHMARK parts %s; %d incidents per run at workers %s (after %d warm-up), %d mixed, %d open for scale, JVM %s%n",
        parts, INCIDENTS, WORKERS, WARMUP, MIXED, OPEN, JVM_OPTIONS);

    try (MailArrivals mail = new MailArrivals(freePort())) {
      if (parts.contains("bare")) {
        bare();
      }
      if (parts.contains("h2")) {
        setup("H2", 1, mail, jar, Map.of(), List.of(), true);
      }
      if (parts.contains("postgres")) {
        setup("PostgreSQL", 1, mail, jar, postgres("incidentflow_bench_1"), List.of("--spring.profiles.active=postgres"), false);
      }
      if (parts.contains("cluster")) {
        setup("PostgreSQL", 2, mail, jar, postgres("incidentflow_bench_2"), List.of("--spring.profiles.active=postgres"), false);
      }
      if (parts.contains("scale")) {
        scale(mail, jar);
      }
    }
    print();
  }

  // ---------------------------------------------------------------------------------------------
  // The app

  void setup(String database, int nodeCount, MailArrivals mail, Path jar, Map<String, String> environment, List<String> arguments,
      boolean h2) throws Exception {
    String name = database.toLowerCase(Locale.ROOT) + "-" + nodeCount;
    Path dir = root.resolve(name + "-" + System.currentTimeMillis());
    Files.createDirectories(dir);
    List<AppProcess> nodes = new ArrayList<>();
    mail.forget();
    long launched = System.nanoTime();
    try {
      for (int n = 0; n < nodeCount; n++) {
        int port = freePort();
        List<String> all = new ArrayList<>(arguments);
        all.addAll(List.of(
            "--incident-flow.mail-catcher.enabled=false",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + mail.port(),
            "--incident-flow.notifications.base-url=http://localhost:" + port));
        nodes.add(AppProcess.startJar(dir, jar, port, JVM_OPTIONS, all, environment, "node-" + (char) ('a' + n) + ".log"));
      }
      for (AppProcess node : nodes) {
        node.awaitReady();
      }
      double startSeconds = (System.nanoTime() - launched) / 1e9;
      double rssAfterStart = ProcessFigures.rssMib(nodes.get(0).pid());
      System.out.printf("BENCHMARK %s, %d node(s) ready after %.1f s (logs in %s)%n", database, nodeCount, startSeconds, dir);
      List<String> urls = nodes.stream().map(node -> "http://localhost:" + node.port).toList();
      String label = database + " | " + nodeCount;

      // An open incident the mixed runs' duplicates are linked to ("already being handled in …").
      String original = new HttpIncidents(urls, new Latencies()).report("Benchmark: the incident duplicates are linked to");
      drive(urls, mail, nodes, WARMUP, 2, false, false, original);
      int driven = WARMUP;
      Run last = null;
      for (int workers : WORKERS) {
        Run run = drive(urls, mail, nodes, INCIDENTS, workers, false, false, original);
        driven += INCIDENTS;
        lifecycleRows.add(row(label, workers, run, "incidents"));
        last = run;
        if (h2 && nodeCount == 1 && workers == WORKERS.get(WORKERS.size() - 1)) {
          appAtMost = run;
        }
      }
      if (last != null) {
        stepTables.add(stepTable(database + ", " + nodeCount + " node(s), " + WORKERS.get(WORKERS.size() - 1)
            + " workers, path \"not urgent, no clients, approved at once\"", last.latencies));
      }
      if (parts.contains("mixed")) {
        Run mixed = drive(urls, mail, nodes, MIXED, MIXED_WORKERS, true, true, original);
        driven += MIXED;
        mixedRows.add(String.format(Locale.ROOT, "| %s | %d | %d (all %d paths, ETAs set) | %.2f | %d | %d |", label, MIXED_WORKERS, MIXED,
            Paths.values().length, mixed.perSecond(), completions(mixed.latencies),
            mixed.latencies.refusalCount()));
        if (mixed.latencies.refusals().isEmpty()) {
          refusalRows.add("| " + label + " | — | — | 0 | |");
        }
        mixed.latencies.refusals().forEach((key, count) -> {
          String[] statusAndStep = key.split(" ", 2);
          refusalRows.add("| " + label + " | " + statusAndStep[0] + " | " + statusAndStep[1] + " | " + count + " | "
              + mixed.latencies.sample(key).replace("|", "\\|") + " |");
        });
      }
      if (h2 && nodeCount == 1 && parts.contains("memory")) {
        if (MEMORY_INCIDENTS > driven) {
          drive(urls, mail, nodes, MEMORY_INCIDENTS - driven, WORKERS.get(WORKERS.size() - 1), false, false, original);
          driven = MEMORY_INCIDENTS;
        }
        memoryRows.add(String.format(Locale.ROOT, "| Incident Flow (jar, H2, demo setup) | %s | %.1f | %.0f | %.0f after %,d incidents |",
            String.join(" ", JVM_OPTIONS), startSeconds, rssAfterStart, ProcessFigures.rssMib(nodes.get(0).pid()), driven));
      }
    } finally {
      for (AppProcess node : nodes) {
        node.stop();
      }
    }
  }

  /**
   * {@code count} whole incidents with {@code workers} concurrent workers, until every one has reached
   * its end and every mail has gone out (no delivery open): incidents/s over that time, and the app's
   * CPU over it, of every node.
   */
  Run drive(List<String> urls, MailArrivals mail, List<AppProcess> nodes, int count, int workers, boolean mixed, boolean withEtas,
      String original) throws Exception {
    Latencies latencies = new Latencies();
    HttpIncidents incidents = new HttpIncidents(urls, latencies);
    double cpuBefore = nodes.stream().mapToDouble(node -> ProcessFigures.cpuMillis(node.pid())).sum();
    long started = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    List<String> numbers = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        running.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            Paths path = mixed ? Paths.values()[i % Paths.values().length] : Paths.PLAIN;
            String duplicateOf = original;
            if (path == Paths.DUPLICATE && duplicateOf == null) {
              path = Paths.PLAIN;
            }
            numbers.add(incidents.work(path, "Benchmark " + path.name().toLowerCase(Locale.ROOT) + " " + i, withEtas, duplicateOf));
          }
          return null;
        }));
      }
      for (Future<?> worker : running) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (incidents.openDeliveries() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("mails still queued 10 minutes after the last step");
      }
      Thread.sleep(50);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpu = nodes.stream().mapToDouble(node -> ProcessFigures.cpuMillis(node.pid())).sum() - cpuBefore;
    List<Double> mailMs = new ArrayList<>();
    for (Map.Entry<String, Long> done : incidents.reportStepDone.entrySet()) {
      Long arrived = mail.managerReport(done.getKey());
      if (arrived == null) {
        throw new IllegalStateException(done.getKey() + ": no manager report arrived although no delivery is open");
      }
      mailMs.add((arrived - done.getValue()) / 1e6);
    }
    System.out.printf(Locale.ROOT, "BENCHMARK %d incidents, %d workers%s: %.1f s, %.2f incidents/s, app CPU %.0f ms/incident, %d non-2xx%n",
        count, workers, mixed ? " (mixed paths, ETAs set)" : "", seconds, count / seconds, cpu / count, latencies.refusalCount());
    return new Run(count, seconds, cpu, latencies, mailMs, new ArrayList<>(numbers));
  }

  record Run(int count, double seconds, double cpuMillis, Latencies latencies, List<Double> mailMs, List<String> numbers) {
    double perSecond() {
      return count / seconds;
    }

    double cpuPer() {
      return cpuMillis / count;
    }
  }

  static int completions(Latencies latencies) {
    return latencies.all().entrySet().stream()
        .filter(e -> !Set.of("report", "claim", "task query").contains(e.getKey()))
        .mapToInt(e -> e.getValue().size()).sum();
  }

  String row(String label, int workers, Run run, String what) {
    List<Double> mail = run.mailMs;
    return String.format(Locale.ROOT, "| %s | %d | %d %s | %.2f | %.0f | %s | %d |", label, workers, run.count, what,
        run.perSecond(), run.cpuPer(),
        mail == null || mail.isEmpty() ? "—" : String.format(Locale.ROOT, "%.0f / %.0f / %.0f",
            Latencies.percentile(mail, 50), Latencies.percentile(mail, 95), Latencies.percentile(mail, 99)),
        run.latencies.refusalCount());
  }

  static String stepTable(String title, Latencies latencies) {
    StringBuilder table = new StringBuilder("Per request, " + title + " (ms):\n\n| request | n | p50 | p95 | p99 |\n|---|---:|---:|---:|---:|\n");
    latencies.all().forEach((what, values) -> table.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f |%n", what,
        values.size(), Latencies.percentile(values, 50), Latencies.percentile(values, 95), Latencies.percentile(values, 99))));
    return table.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Scale: many open incidents

  /**
   * One H2 node on a database kept under {@link #SCALE_DIR} for the next run, as the metrics benchmark keeps
   * its history: reporting 10,000 incidents over HTTP takes most of an hour on a busy 2-core machine. Each
   * run reports only what is missing up to {@link #OPEN} open incidents, then times the requests.
   */
  void scale(MailArrivals mail, Path jar) throws Exception {
    Path dir = Files.createDirectories(SCALE_DIR);
    mail.forget();
    AppProcess node = AppProcess.startJar(dir, jar, freePort(), JVM_OPTIONS, List.of(
        "--incident-flow.mail-catcher.enabled=false",
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + mail.port()), Map.of(), "node-" + System.currentTimeMillis() + ".log");
    try {
      node.awaitReady();
      String url = "http://localhost:" + node.port;
      HttpIncidents incidents = new HttpIncidents(List.of(url), new Latencies());
      long open = openIncidents(incidents);
      System.out.printf("BENCHMARK scale: %,d open incidents kept in %s%n", open, dir);
      reportInBulk(incidents, (int) Math.max(0, OPEN - open));
      scale(url, incidents);
    } finally {
      node.stop();
    }
  }

  static long openIncidents(HttpIncidents incidents) throws Exception {
    return HttpIncidents.JSON.readTree(incidents.send(null, "GET", "/api/incidents?state=open&size=1", "maria", null, null).body())
        .path("total").asLong();
  }

  void reportInBulk(HttpIncidents incidents, int count) throws Exception {
    long started = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        running.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            incidents.report("Open incident " + i);
          }
          return null;
        }));
      }
      for (Future<?> worker : running) {
        worker.get();
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf("BENCHMARK %,d open incidents reported in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
  }

  void scale(String url, HttpIncidents incidents) throws Exception {
    Webapp tasklist = Webapp.logIn(url, "emma");
    JsonNode filters = HttpIncidents.JSON.readTree(tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=true"));
    String myWork = null;
    for (JsonNode filter : filters) {
      if (filter.path("name").asText().startsWith("My work")) {
        myWork = filter.path("id").asText();
      }
    }
    if (myWork == null) {
      throw new IllegalStateException("no \"My work\" filter for emma: " + filters);
    }
    String listBody = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
        + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
    String list = "/camunda/api/engine/engine/default/filter/" + myWork + "/list?firstResult=0&maxResults=15";
    String myWorkId = myWork;
    // Before each timed request an incident is reported (untimed): H2 answers a repeated query from its
    // last result while none of the tables it reads has changed, which a live system, where steps are
    // reported and worked all the time, never sees. The open count grows by one per request.
    Request write = () -> incidents.report("Reported between the scale requests");
    timeRequests(incidents, write, "Tasklist \"My work\" list (POST …/filter/{id}/list, 15 tasks, emma)", () -> tasklist.post(list, listBody));
    timeRequests(incidents, write, "Tasklist filters with counts (GET …/filter?itemCount=true, emma)",
        () -> tasklist.get("/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=true"));
    timeRequests(incidents, write, "Tasklist \"My work\" count (GET …/filter/{id}/count, emma)",
        () -> tasklist.get("/camunda/api/engine/engine/default/filter/" + myWorkId + "/count"));
    timeRequests(incidents, write, "GET /api/incidents (first page of 20, maria)",
        () -> incidents.send(null, "GET", "/api/incidents", "maria", null, null).body());
    timeRequests(incidents, write, "GET /api/incidents?state=open&text=Open+incident+1 (maria)",
        () -> incidents.send(null, "GET", "/api/incidents?state=open&text=" + URLEncoder.encode("Open incident 1", StandardCharsets.UTF_8),
            "maria", null, null).body());
    timeRequests(incidents, write, "GET /api/metrics (default 90 days, maria)",
        () -> incidents.send(null, "GET", "/api/metrics", "maria", null, null).body());
    LocalDate today = LocalDate.now();
    timeRequests(incidents, write, "GET /api/metrics (2 years, maria)",
        () -> incidents.send(null, "GET", "/api/metrics?from=" + today.minusYears(2) + "&to=" + today, "maria", null, null).body());
  }

  interface Request {
    String send() throws Exception;
  }

  void timeRequests(HttpIncidents incidents, Request write, String what, Request request) throws Exception {
    for (int i = 0; i < 5; i++) {
      request.send();
    }
    long openBefore = openIncidents(incidents);
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      write.send();
      long t = System.nanoTime();
      request.send();
      ms.add((System.nanoTime() - t) / 1e6);
    }
    scaleRows.add(String.format(Locale.ROOT, "| %s | %,d–%,d | %d | %.0f | %.0f | %.0f | %s |", what, openBefore + 1, openBefore + REQUESTS,
        REQUESTS, Latencies.percentile(ms, 50), Latencies.percentile(ms, 95), Latencies.percentile(ms, 99), loadAverage()));
  }

  /** A Tasklist session: logged in through the webapp's login, with its CSRF token, as the browser does. */
  record Webapp(HttpClient http, String url, String token) {

    static Webapp logIn(String url, String user) throws Exception {
      HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).version(HttpClient.Version.HTTP_1_1).build();
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url + "/camunda/app/tasklist/default/")).build(),
          HttpResponse.BodyHandlers.ofString());
      String pageToken = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow(() -> new IllegalStateException("no CSRF token on Tasklist's page"));
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("X-XSRF-TOKEN", pageToken).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(), HttpResponse.BodyHandlers.ofString());
      if (login.statusCode() != 200) {
        throw new IllegalStateException(user + " cannot log in to Tasklist: " + login.statusCode() + " " + login.body());
      }
      // The session changed at login; the browser then fetches the token that belongs to it.
      HttpResponse<String> fresh = http.send(HttpRequest.newBuilder(URI.create(url + "/camunda/api/admin/auth/user/default"))
          .header("X-XSRF-TOKEN", "Fetch").build(), HttpResponse.BodyHandlers.ofString());
      return new Webapp(http, url, fresh.headers().firstValue("X-XSRF-TOKEN")
          .orElseThrow(() -> new IllegalStateException("no CSRF token for " + user + "'s session")));
    }

    String get(String path) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(url + path)).GET());
    }

    String post(String path, String json) throws Exception {
      return send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private String send(HttpRequest.Builder request) throws Exception {
      // Tasklist asks for HAL: the tasks come with their process definitions and assignees embedded.
      HttpResponse<String> response = http.send(request.header("X-XSRF-TOKEN", token)
          .header("Accept", "application/hal+json, application/json; q=0.5").build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
      return response.body();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The bare engine

  void bare() throws Exception {
    Path dir = Files.createDirectories(root.resolve("bare-" + System.currentTimeMillis()));
    String classpath = AppProcess.mainClasspath() + java.io.File.pathSeparator + Path.of("target", "test-classes").toAbsolutePath();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-cp", classpath, BareEngine.class.getName(), dir.resolve("engine").toString()));
    long launched = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectError(dir.resolve("bare.log").toFile()).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8)) {
      awaitLine(out, "BARE READY");
      double startSeconds = (System.nanoTime() - launched) / 1e9;
      double rssAfterStart = ProcessFigures.rssMib(process.pid());
      System.out.printf("BENCHMARK bare engine ready after %.1f s%n", startSeconds);
      int driven = 0;
      command(in, out, WARMUP, 2);
      driven += WARMUP;
      for (int workers : WORKERS) {
        double cpuBefore = ProcessFigures.cpuMillis(process.pid());
        double seconds = command(in, out, INCIDENTS, workers);
        driven += INCIDENTS;
        Run run = new Run(INCIDENTS, seconds, ProcessFigures.cpuMillis(process.pid()) - cpuBefore, new Latencies(), null, List.of());
        lifecycleRows.add(row("bare engine, H2 | 1", workers, run, "lifecycles"));
        if (workers == WORKERS.get(WORKERS.size() - 1)) {
          bareAtMost = run;
        }
        System.out.printf(Locale.ROOT, "BENCHMARK bare engine, %d workers: %.2f lifecycles/s, CPU %.0f ms/lifecycle%n",
            workers, run.perSecond(), run.cpuPer());
      }
      if (parts.contains("memory")) {
        int wanted = Math.max(MEMORY_INCIDENTS, driven);
        if (wanted > driven) {
          command(in, out, wanted - driven, WORKERS.get(WORKERS.size() - 1));
        }
        memoryRows.add(String.format(Locale.ROOT, "| bare Camunda 7.24 engine (standalone, H2, job executor on) | %s | %.1f | %.0f | %.0f after %,d lifecycles |",
            String.join(" ", JVM_OPTIONS), startSeconds, rssAfterStart, ProcessFigures.rssMib(process.pid()), wanted));
      }
      in.write("exit\n");
      in.flush();
      process.waitFor();
    } finally {
      process.destroy();
    }
  }

  private static double command(Writer in, BufferedReader out, int lifecycles, int workers) throws IOException {
    in.write("run " + lifecycles + " " + workers + "\n");
    in.flush();
    return Double.parseDouble(awaitLine(out, "BARE DONE").substring("BARE DONE ".length()).trim());
  }

  private static String awaitLine(BufferedReader out, String prefix) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    throw new IllegalStateException("the bare engine ended before \"" + prefix + "\" (see its bare.log)");
  }

  // ---------------------------------------------------------------------------------------------

  /** A fresh database on the PostgreSQL server given, for one setup: the app's environment for it. */
  static Map<String, String> postgres(String name) throws Exception {
    String url = System.getenv("INCIDENT_FLOW_TEST_DB_URL");
    String user = System.getenv("INCIDENT_FLOW_TEST_DB_USER");
    String password = System.getenv("INCIDENT_FLOW_TEST_DB_PASSWORD");
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      connection.createStatement().execute("DROP DATABASE IF EXISTS " + name);
      connection.createStatement().execute("CREATE DATABASE " + name);
    }
    return Map.of("INCIDENT_FLOW_DB_URL", url.substring(0, url.lastIndexOf('/') + 1) + name,
        "INCIDENT_FLOW_DB_USER", user, "INCIDENT_FLOW_DB_PASSWORD", password);
  }

  void print() throws IOException {
    String machine = String.format(Locale.ROOT, "%d cores (nproc), %.1f GiB memory, %s %s, %s",
        Runtime.getRuntime().availableProcessors(), memoryGib(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    report.append("Machine: ").append(machine).append("; load average (1 min) ").append(loadAtStart).append(" at the start, ")
        .append(loadAverage()).append(" at the end.\n\n");
    report.append("### Lifecycles\n\n");
    report.append("Path \"not urgent, no clients, approved at once\" (9 user steps, 4 mails), each incident from report to every mail sent. "
        + "Mail: manager report, from the completion of the step before it to its arrival at the SMTP server (p50 / p95 / p99, ms).\n\n");
    report.append("| setup | nodes | workers | count | per second | CPU ms each | mail ms p50 / p95 / p99 | non-2xx |\n");
    report.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    lifecycleRows.forEach(row -> report.append(row).append('\n'));
    if (appAtMost != null && bareAtMost != null) {
      report.append(String.format(Locale.ROOT, "%nRatios at %d workers (H2, one node): app CPU per incident / bare CPU per lifecycle = %.1f; "
          + "app incidents/s / bare lifecycles/s = %.0f %%%n", WORKERS.get(WORKERS.size() - 1), appAtMost.cpuPer() / bareAtMost.cpuPer(),
          100 * appAtMost.perSecond() / bareAtMost.perSecond()));
    }
    stepTables.forEach(table -> report.append('\n').append(table));
    if (!mixedRows.isEmpty()) {
      report.append("\nMixed paths (all six, ETAs set on every step that carries one), ").append(MIXED_WORKERS).append(" workers:\n\n");
      report.append("| setup | nodes | workers | incidents | per second | completions | non-2xx |\n|---|---:|---:|---|---:|---:|---:|\n");
      mixedRows.forEach(row -> report.append(row).append('\n'));
      report.append("\nEvery non-2xx answer of the mixed runs, by status and step:\n\n| setup | nodes | status | request (step) | count | sample |\n|---|---:|---|---|---:|---|\n");
      refusalRows.forEach(row -> report.append(row).append('\n'));
    }
    if (!scaleRows.isEmpty()) {
      report.append("\n### Scale\n\nH2, one node, its database kept in ").append(SCALE_DIR)
          .append(" for the next run, the open incidents reported in bulk (8 concurrent reporters); ")
          .append(REQUESTS).append(" requests each after 5 unmeasured, one at a time, each after an untimed report of one more incident "
              + "(ms; load: 1-minute load average after the figure's requests):\n\n");
      report.append("| request | open incidents | n | p50 | p95 | p99 | load |\n|---|---:|---:|---:|---:|---:|---:|\n");
      scaleRows.forEach(row -> report.append(row).append('\n'));
    }
    if (!memoryRows.isEmpty()) {
      report.append("\n### Memory and start\n\nStart: from launching the JVM to the app answering its health check (the bare engine: built and "
          + "its process deployed). RSS from /proc.\n\n");
      report.append("| JVM | heap | start s | RSS after start MiB | RSS after the runs MiB |\n|---|---|---:|---:|---|\n");
      memoryRows.forEach(row -> report.append(row).append('\n'));
    }
    Path file = root.resolve("report.md");
    Files.writeString(file, report.toString());
    System.out.println("\n===== BENCHMARK REPORT (also in " + file.toAbsolutePath() + ") =====\n");
    System.out.println(report);
  }

  /** The 1-minute load average: how busy the machine was besides (above the core count, everything waited). */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  static double memoryGib() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
          .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0).findFirst().orElse(Double.NaN);
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
