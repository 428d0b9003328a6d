package com.incidentflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.incidentflow.notification.NotificationDelivery;
import com.incidentflow.process.IncidentProcess.Tasks;
import com.incidentflow.process.IncidentProcess.Variables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Works an incident through the real engine as people would: a user reports, claims and completes
 * steps; the jobs the job executor would run (notifications) are run here, one by one.
 */
public class IncidentDriver {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final boolean deliver;

  public IncidentDriver(ProcessEngine engine) {
    this(engine, true);
  }

  /**
   * @param deliver whether {@link #runJobs} also runs the incidents' notification deliveries; a
   *     driver playing a release from before them leaves them queued
   */
  public IncidentDriver(ProcessEngine engine, boolean deliver) {
    this.deliver = deliver;
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.identity = engine.getIdentityService();
  }

  /** Logs user in as the REST API and the webapps do: with their groups, so authorizations apply. */
  public void logIn(String user) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    identity.setAuthentication(user, groups);
  }

  public void logOut() {
    identity.clearAuthentication();
  }

  public ProcessInstance report(String user, Map<String, Object> values) {
    logIn(user);
    try {
      return runtime.startProcessInstanceByKey(IncidentProcess.PROCESS_KEY, values);
    } finally {
      identity.clearAuthentication();
    }
  }

  public Task task(ProcessInstance incident, String taskKey) {
    List<Task> open = openTasks(incident, taskKey);
    assertThat(open).as("open %s tasks", taskKey).hasSize(1);
    return open.get(0);
  }

  public List<Task> openTasks(ProcessInstance incident, String taskKey) {
    return tasks
        .createTaskQuery()
        .processInstanceId(incident.getId())
        .taskDefinitionKey(taskKey)
        .orderByTaskCreateTime()
        .asc()
        .list();
  }

  public void complete(ProcessInstance incident, String taskKey, String user, Map<String, Object> values) {
    complete(task(incident, taskKey), user, values);
  }

  public void complete(Task task, String user, Map<String, Object> values) {
    logIn(user);
    try {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), values);
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * Runs every due job of the incident and of its notification deliveries, as the job executor
   * would, until none is left.
   */
  public void runJobs(ProcessInstance incident) {
    for (int round = 0; round < 100; round++) {
      List<Job> due = new ArrayList<>(management.createJobQuery().processInstanceId(incident.getId()).executable().list());
      for (String delivery : deliver ? deliveries(incident) : List.<String>of()) {
        due.addAll(management.createJobQuery().processInstanceId(delivery).executable().list());
      }
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("Jobs kept coming for " + incident.getId());
  }

  /**
   * The incident's mail deliveries still under way (each a process instance of its own). Chat
   * deliveries are left to the chat tests: elsewhere nothing stands in for Slack and Teams.
   */
  public List<String> deliveries(ProcessInstance incident) {
    return deliveries(incident, NotificationDelivery.Channel.MAIL);
  }

  public List<String> deliveries(ProcessInstance incident, NotificationDelivery.Channel channel) {
    return runtime.createProcessInstanceQuery()
        .processDefinitionKey(NotificationDelivery.PROCESS_KEY)
        .variableValueEquals(NotificationDelivery.Variables.INCIDENT_ID, incident.getId())
        .variableValueEquals(NotificationDelivery.Variables.CHANNEL, channel.name())
        .list().stream().map(ProcessInstance::getId).toList();
  }

  public Object variable(ProcessInstance incident, String name) {
    return runtime.getVariable(incident.getId(), name);
  }

  // What people enter at each step; each returns a mutable map so a test can change one answer.

  public static Map<String, Object> report(String title) {
    return values(
        Variables.TITLE, title,
        Variables.REPORT_SOURCE, "CLIENT",
        Variables.CLIENTS_REPORTED, "Acme Corp",
        Variables.USER_ACTION, "Saved an invoice in the billing screen",
        Variables.SCREEN_SHOWN, "A blank page",
        Variables.URL, "https://app.example.com/billing/invoices/42",
        Variables.ERROR_TEXT, "500 Internal Server Error",
        Variables.OCCURRED_AT, "2026-11-25T09:12:00+09:00");
  }

  public static Map<String, Object> situation() {
    return values(
        Variables.USER_ACTION, "Saved an invoice with a discount line",
        Variables.RECENT_CHANGE, "YES",
        Variables.RECENT_CHANGE_DESCRIPTION, "Discount rounding change, PR #1234",
        Variables.RECENT_CHANGE_BY, "kenji");
  }

  public static Map<String, Object> provisionalImpact(String scope) {
    return values(
        Variables.PROVISIONAL_SCOPE, scope,
        Variables.PROVISIONAL_IMPACT, "Invoices with discounts cannot be saved");
  }

  public static Map<String, Object> importance(String importance) {
    return values(Variables.IMPORTANCE, importance, Variables.IMPORTANCE_REASON, "Billing is core for our clients");
  }

  public static Map<String, Object> urgency(String urgency) {
    return values(Variables.URGENCY, urgency, Variables.URGENCY_REASON, "Month-end closing is today");
  }

  public static Map<String, Object> firstResponse() {
    return values(
        Variables.CLIENT_REQUEST, "Turn the discount feature off",
        Variables.CLIENT_GOAL, "Send this month's invoices today",
        Variables.ACTION_TAKEN, "Issued the invoices without the discount line and added a credit note",
        Variables.FIRST_RESPONSE_RESULT, "MITIGATED");
  }

  public static Map<String, Object> rootCauseFound() {
    return values(
        Variables.INVESTIGATION_NOTES, "Compared the client's data with staging; rounding differs",
        Variables.INVESTIGATION_OUTCOME, "ROOT_CAUSE_REPRODUCED",
        Variables.ROOT_CAUSE, "Rounding of negative amounts throws in the new discount code",
        Variables.REPRODUCTION_STEPS, "Save an invoice with a -0.005 discount");
  }

  public static Map<String, Object> helpNeeded(String group) {
    return values(
        Variables.INVESTIGATION_NOTES, "Only one of three servers answers 500",
        Variables.INVESTIGATION_OUTCOME, "HELP_NEEDED",
        Variables.HELP_GROUP, group,
        Variables.HELP_REQUEST, "Is app-2 healthy? Its disk looks full");
  }

  public static Map<String, Object> impact(String scope, String clients) {
    Map<String, Object> values =
        values(Variables.FINAL_SCOPE, scope, Variables.IMPACT_DESCRIPTION, "Invoices with discounts failed to save for 2 hours");
    if (clients != null) {
      values.put(Variables.AFFECTED_CLIENTS, clients);
    }
    return values;
  }

  public static Map<String, Object> clientContact(String response) {
    return values(
        Variables.CONTACTED_AT, "2026-11-25T11:00:00+09:00",
        Variables.CONTACT_CHANNEL, "PHONE",
        Variables.APOLOGISED, true,
        Variables.CLIENT_RESPONSE, response,
        Variables.AGREED_DATES, "Fix by 2026-11-27, report by 2026-11-30");
  }

  public static Map<String, Object> fix() {
    return values(
        Variables.FIX_DESCRIPTION, "Round half-even before applying discounts",
        Variables.CHANGE_LINK, "https://git.example.com/billing/pull/1240",
        Variables.TESTS_ADDED, "DiscountRoundingTest covers negative and zero amounts");
  }

  public static Map<String, Object> review(String decision) {
    Map<String, Object> values = values(Variables.REVIEW_DECISION, decision, Variables.REGRESSION_CHECKED, true);
    if ("REJECTED".equals(decision)) {
      values.put(Variables.REVIEW_COMMENTS, "Also cover the credit-note path");
    }
    return values;
  }

  public static Map<String, Object> wrapUp() {
    return values(
        Variables.WRAP_UP_SUMMARY, "Discounts broke invoice saving for 2 hours",
        Variables.LESSONS_LEARNED, "Rounding changes need client-data tests",
        Variables.FOLLOW_UP_ACTIONS, "Add production-like invoice fixtures");
  }

  public static Map<String, Object> values(Object... pairs) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return values;
  }

  /** Drives an incident from report to the judgements being made (urgent or not). */
  public ProcessInstance reportAndJudge(String title, String scope, String importance, String urgency) {
    ProcessInstance incident = report("emma", report(title));
    complete(incident, Tasks.CONFIRM_SITUATION, "emma", situation());
    complete(incident, Tasks.PROVISIONAL_IMPACT, "emma", provisionalImpact(scope));
    runJobs(incident);
    complete(incident, Tasks.JUDGE_IMPORTANCE, "maria", importance(importance));
    runJobs(incident);
    complete(incident, Tasks.JUDGE_URGENCY, "maria", urgency(urgency));
    runJobs(incident);
    return incident;
  }
}
