package com.incidentflow.intake;

import com.incidentflow.config.AppLinks;
import com.incidentflow.intake.IncidentViews.AlertActivity;
import com.incidentflow.intake.IncidentViews.Created;
import com.incidentflow.intake.IncidentViews.Details;
import com.incidentflow.intake.IncidentViews.Links;
import com.incidentflow.intake.IncidentViews.Page;
import com.incidentflow.intake.IncidentViews.Step;
import com.incidentflow.intake.IncidentViews.Summary;
import com.incidentflow.intake.alert.AlertGroups;
import com.incidentflow.process.ClientList;
import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.IncidentProcess.Variables;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.NativeHistoricProcessInstanceQuery;
import org.camunda.bpm.engine.AuthorizationException;
import com.incidentflow.process.EngineAccess;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Reports incidents and reads them back, through the engine only: an incident is a process
 * instance of incident-response, its number the business key, its facts process variables.
 */
@Service
public class IncidentService {

  public static final String API_PATH = "/api/incidents";

  /** What a list entry or the details show; read in one history query per page. */
  private static final String[] SHOWN =
      {Variables.TITLE, Variables.PRIORITY, Variables.REPORT_SOURCE, Variables.REPORTED_BY, Variables.OCCURRED_AT,
        Variables.ETA, Variables.NEXT_ACTIONS, Variables.CLIENTS_REPORTED, Variables.PROVISIONAL_SCOPE, Variables.PROVISIONAL_CLIENTS,
        Variables.FINAL_SCOPE, Variables.AFFECTED_CLIENTS};

  private final RuntimeService runtime;
  private final HistoryService history;
  private final ManagementService management;
  private final TaskService tasks;
  private final AlertGroups alertGroups;
  private final ProcessStarts starts;
  private final AppLinks links;
  private final EngineAccess access;

  public IncidentService(
      RuntimeService runtime,
      HistoryService history,
      ManagementService management,
      TaskService tasks,
      AlertGroups alertGroups,
      ProcessStarts starts,
      AppLinks links,
      EngineAccess access) {
    this.runtime = runtime;
    this.history = history;
    this.management = management;
    this.tasks = tasks;
    this.alertGroups = alertGroups;
    this.starts = starts;
    this.links = links;
    this.access = access;
  }

  /**
   * Starts the process as the start form would; the start event validates the values against the
   * form (StepValidationException) and records the authenticated user as reporter.
   */
  public Created report(IncidentReport report) {
    return report(report, Map.of());
  }

  /**
   * @param systemValues values the system adds to the report and no form asks for (the alert intake's
   *     severity hint)
   */
  public Created report(IncidentReport report, Map<String, Object> systemValues) {
    Map<String, Object> variables = new HashMap<>(systemValues);
    variables.putAll(report.toVariables());
    ProcessInstance incident;
    if (systemValues.isEmpty()) {
      incident = starts.run(() -> runtime.startProcessInstanceByKey(IncidentProcess.PROCESS_KEY, variables));
    } else {
      // Values no form asks for are the system's (ProcessDataGuard refuses them from a person): the
      // system starts the incident, after the caller was checked (AlertIntakeService), and names the
      // caller as reporter itself.
      String reporter = access.currentUserId();
      if (reporter != null) {
        variables.put(Variables.REPORTED_BY, reporter);
      }
      incident = starts.run(() -> access.asEngine(() -> runtime.startProcessInstanceByKey(IncidentProcess.PROCESS_KEY, variables)));
    }
    String number = incident.getBusinessKey();
    return new Created(number, incident.getId(), location(number));
  }

  /**
   * One native query over the history tables. The engine's HistoricProcessInstanceQuery joins the
   * variable table once per variable condition without restricting the join by name, so filtering
   * by client (three variables) and text multiplies every incident's variables with each other:
   * seconds per call with a few hundred incidents. EXISTS per condition stays linear.
   */
  public Page search(IncidentSearch search) {
    // Table names are the engine's own business (prefixes); asking needs admin rights.
    String instances = access.asEngine(() -> management.getTableName(HistoricProcessInstance.class));
    String variables = access.asEngine(() -> management.getTableName(HistoricVariableInstance.class));
    StringBuilder where = new StringBuilder(" FROM " + instances + " RES WHERE RES.PROC_DEF_KEY_ = #{processKey}");
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("processKey", IncidentProcess.PROCESS_KEY);
    if (search.state() == IncidentSearch.State.OPEN) {
      where.append(" AND RES.END_TIME_ IS NULL");
    } else if (search.state() == IncidentSearch.State.CLOSED) {
      where.append(" AND RES.END_TIME_ IS NOT NULL");
    }
    if (search.priority() != null) {
      where.append(" AND ").append(variableIs(variables, "priorityName", "priority"));
      parameters.put("priorityName", Variables.PRIORITY);
      parameters.put("priority", search.priority().name());
    }
    if (search.client() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM ").append(variables).append(" V WHERE V.PROC_INST_ID_ = RES.ID_")
          .append(" AND V.NAME_ IN (#{clientsReported}, #{provisionalClients}, #{affectedClients})")
          .append(" AND LOWER(V.TEXT_) LIKE #{client} ESCAPE '\\')");
      parameters.put("clientsReported", Variables.CLIENTS_REPORTED);
      parameters.put("provisionalClients", Variables.PROVISIONAL_CLIENTS);
      parameters.put("affectedClients", Variables.AFFECTED_CLIENTS);
      parameters.put("client", contains(search.client()));
    }
    if (search.text() != null) {
      where.append(" AND (LOWER(RES.BUSINESS_KEY_) LIKE #{text} ESCAPE '\\'")
          .append(" OR EXISTS (SELECT 1 FROM ").append(variables).append(" V WHERE V.PROC_INST_ID_ = RES.ID_")
          .append(" AND V.NAME_ = #{titleName} AND LOWER(V.TEXT_) LIKE #{text} ESCAPE '\\'))");
      parameters.put("titleName", Variables.TITLE);
      parameters.put("text", contains(search.text()));
    }
    NativeHistoricProcessInstanceQuery count = history.createNativeHistoricProcessInstanceQuery().sql("SELECT COUNT(*)" + where);
    NativeHistoricProcessInstanceQuery query =
        history.createNativeHistoricProcessInstanceQuery()
            .sql("SELECT RES.*" + where + " ORDER BY RES.START_TIME_ DESC, RES.BUSINESS_KEY_ DESC");
    parameters.forEach((name, value) -> {
      count.parameter(name, value);
      query.parameter(name, value);
    });
    // Camunda runs native queries only without authorization checks; READ_HISTORY on the process
    // covers every incident, so it is checked once here instead of per row.
    if (!access.mayReadAllIncidents()) {
      throw new AuthorizationException("You may not list incidents");
    }
    long total = access.asEngine(count::count);
    List<HistoricProcessInstance> page = access.asEngine(() -> query.listPage(search.page() * search.size(), search.size()));
    Map<String, Map<String, Object>> shown = variables(page.stream().map(HistoricProcessInstance::getId).toArray(String[]::new));
    List<Summary> summaries = page.stream().map(i -> summary(i, shown.getOrDefault(i.getId(), Map.of()))).toList();
    return new Page(summaries, search.page(), search.size(), total);
  }

  private static String variableIs(String variables, String nameParameter, String valueParameter) {
    return "EXISTS (SELECT 1 FROM " + variables + " V WHERE V.PROC_INST_ID_ = RES.ID_ AND V.NAME_ = #{" + nameParameter
        + "} AND V.TEXT_ = #{" + valueParameter + "})";
  }

  public Details find(String number) {
    HistoricProcessInstance incident =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(IncidentProcess.PROCESS_KEY)
            .processInstanceBusinessKey(number)
            .singleResult();
    if (incident == null) {
      throw new IncidentNotFoundException(number);
    }
    Map<String, Object> v = variables(incident.getId()).getOrDefault(incident.getId(), Map.of());
    List<Step> steps =
        tasks.createTaskQuery().processInstanceId(incident.getId()).orderByTaskCreateTime().asc().list().stream()
            .map(this::step)
            .toList();
    AlertActivity alert =
        alertGroups
            .findByIncident(number)
            .map(g -> new AlertActivity(g.groupKey(), g.status(), g.repeats(), g.firstSeen(), g.lastSeen()))
            .orElse(null);
    return new Details(
        number,
        text(v, Variables.TITLE),
        state(incident),
        text(v, Variables.PRIORITY),
        text(v, Variables.REPORT_SOURCE),
        text(v, Variables.REPORTED_BY),
        instant(incident.getStartTime()),
        instant(incident.getEndTime()),
        text(v, Variables.OCCURRED_AT),
        text(v, Variables.ETA),
        text(v, Variables.NEXT_ACTIONS),
        impactScope(v),
        affectedClients(v),
        steps,
        alert,
        new Links(
            location(number),
            links.tasklist(),
            links.cockpit(incident.getId())));
  }

  private Summary summary(HistoricProcessInstance incident, Map<String, Object> v) {
    return new Summary(
        incident.getBusinessKey(),
        text(v, Variables.TITLE),
        state(incident),
        text(v, Variables.PRIORITY),
        text(v, Variables.REPORT_SOURCE),
        text(v, Variables.ETA),
        instant(incident.getStartTime()),
        instant(incident.getEndTime()),
        location(incident.getBusinessKey()));
  }

  private Step step(Task task) {
    List<String> groups =
        tasks.getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
            .map(IdentityLink::getGroupId)
            .sorted()
            .toList();
    return new Step(
        task.getId(),
        task.getTaskDefinitionKey(),
        task.getName(),
        task.getAssignee(),
        groups,
        instant(task.getCreateTime()),
        links.task(task.getId()));
  }

  /** Process-level variables by process instance; task-local ones of the same name are ignored. */
  private Map<String, Map<String, Object>> variables(String... processInstanceIds) {
    Map<String, Map<String, Object>> byInstance = new HashMap<>();
    if (processInstanceIds.length == 0) {
      return byInstance;
    }
    for (HistoricVariableInstance variable :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(processInstanceIds)
            .variableNameIn(SHOWN)
            .list()) {
      if (variable.getProcessInstanceId().equals(variable.getActivityInstanceId()) && variable.getValue() != null) {
        byInstance.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(), variable.getValue());
      }
    }
    return byInstance;
  }

  /** The confirmed scope once known, else the provisional one. */
  private static String impactScope(Map<String, Object> v) {
    String confirmed = text(v, Variables.FINAL_SCOPE);
    return confirmed != null ? confirmed : text(v, Variables.PROVISIONAL_SCOPE);
  }

  /** The most reliable client list so far: confirmed, else provisional, else as reported. */
  private static List<String> affectedClients(Map<String, Object> v) {
    for (String name : List.of(Variables.AFFECTED_CLIENTS, Variables.PROVISIONAL_CLIENTS, Variables.CLIENTS_REPORTED)) {
      List<String> clients = ClientList.parse(text(v, name));
      if (!clients.isEmpty()) {
        return clients;
      }
    }
    return List.of();
  }

  private static String state(HistoricProcessInstance incident) {
    return (incident.getEndTime() == null ? IncidentSearch.State.OPEN : IncidentSearch.State.CLOSED).name();
  }

  private static String text(Map<String, Object> v, String name) {
    Object value = v.get(name);
    return value == null ? null : value.toString();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  /** A lower-case LIKE pattern for "contains", escaped with a backslash. */
  static String contains(String text) {
    return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  public static String location(String number) {
    return API_PATH + "/" + number;
  }
}
