package com.incidentflow.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.slf4j.LoggerFactory;

/**
 * The bare Camunda 7 engine, for comparison: a standalone ProcessEngineConfiguration in a JVM of its
 * own (no Spring, no web server, no authorizations), on an H2 file database, history full, job
 * executor on. Its process has the incident's shape on the path "not urgent, no clients, approved at
 * once": linear, 9 user tasks and 4 asynchronous service steps where the incident sends its mails.
 * Lifecycles are driven in-process: start, then claim and complete each user task with a few values.
 *
 * <p>Talks to {@link LifecycleBenchmark} on stdin/stdout: prints "BARE READY" once the engine is
 * built, runs "run N W" (N lifecycles, W threads) and answers "BARE DONE seconds", exits on "exit".
 */
public final class BareEngine {

  static final String PROCESS_KEY = "bare-lifecycle";
  /** User tasks, with an asynchronous service step after those the incident sends a mail after. */
  static final List<String> USER_TASKS = List.of("ConfirmSituation", "ProvisionalImpact", "JudgeImportance", "JudgeUrgency",
      "InvestigateRootCause", "ConfirmImpact", "PermanentFix", "ReviewFix", "WrapUp");
  static final List<String> ASYNC_AFTER = List.of("ProvisionalImpact", "JudgeUrgency", "ConfirmImpact", "ReviewFix");

  public static void main(String[] args) throws Exception {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(ch.qos.logback.classic.Level.WARN);
    Path database = Path.of(args[0]).toAbsolutePath();
    ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:file:" + database + ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0")
        .setJdbcUsername("sa")
        .setJdbcPassword("")
        .setJdbcMaxActiveConnections(20)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(true)
        .buildProcessEngine();
    engine.getRepositoryService().createDeployment().addModelInstance(PROCESS_KEY + ".bpmn", model()).enableDuplicateFiltering(true).deploy();
    System.out.println("BARE READY");

    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in));
    for (String command = commands.readLine(); command != null && !command.equals("exit"); command = commands.readLine()) {
      String[] parts = command.split(" ");
      int lifecycles = Integer.parseInt(parts[1]);
      int workers = Integer.parseInt(parts[2]);
      long started = System.nanoTime();
      run(engine, lifecycles, workers);
      System.out.printf("BARE DONE %.3f%n", (System.nanoTime() - started) / 1e9);
    }
    engine.close();
  }

  static BpmnModelInstance model() {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(PROCESS_KEY).camundaHistoryTimeToLive(180).startEvent("StartEvent_Reported");
    int service = 0;
    for (String task : USER_TASKS) {
      flow = flow.userTask("UserTask_" + task).camundaCandidateGroups("engineers");
      if (ASYNC_AFTER.contains(task)) {
        flow = flow.serviceTask("ServiceTask_Notify" + (++service)).camundaAsyncBefore()
            .camundaExpression("${execution.setVariable('notified" + service + "', true)}");
      }
    }
    return flow.endEvent("EndEvent_Resolved").done();
  }

  static void run(ProcessEngine engine, int lifecycles, int workers) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      running.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < lifecycles; i = next.getAndIncrement()) {
          lifecycle(engine, i);
        }
        return null;
      }));
    }
    for (Future<?> worker : running) {
      worker.get();
    }
    pool.shutdown();
  }

  static void lifecycle(ProcessEngine engine, int i) throws InterruptedException {
    Map<String, Object> report = new HashMap<>();
    report.put("title", "Bare lifecycle " + i);
    report.put("reportSource", "CLIENT");
    report.put("clientsReported", "Acme Corp");
    report.put("userAction", "Saved an invoice in the billing screen");
    report.put("screenShown", "A blank page");
    report.put("url", "https://app.example.com/billing/invoices/42");
    report.put("errorText", "500 Internal Server Error");
    report.put("occurredAt", "2026-11-25T09:12:00+09:00");
    String instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, "BARE-" + i, report).getId();
    TaskService tasks = engine.getTaskService();
    for (String step : USER_TASKS) {
      Task task = null;
      while (task == null) {
        // After an asynchronous step the next task appears once the job executor has run it.
        task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("UserTask_" + step).singleResult();
        if (task == null) {
          Thread.sleep(5);
        }
      }
      tasks.claim(task.getId(), "emma");
      tasks.complete(task.getId(), Map.of(step + "Notes", "What was found at " + step, step + "Outcome", "DONE"));
    }
  }
}
