package com.incidentflow.process.engine;

import com.incidentflow.process.IncidentProcess;
import com.incidentflow.process.IncidentProcess.Variables;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.NativeHistoricProcessInstanceQuery;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Incidents as the engine's history has them, open and closed: found by number, searched, their
 * values and their open steps. Holds the one native SQL over the history tables the search needs.
 */
@Component
public class IncidentHistory {

  private final HistoryService history;
  private final ManagementService management;
  private final TaskService tasks;
  private final EngineAccess access;
  private final HistoryIndexes indexes;
  /** The engine's history tables, named once: asking the engine needs admin rights and a command. */
  private volatile Tables tables;

  public IncidentHistory(HistoryService history, ManagementService management, TaskService tasks, EngineAccess access, HistoryIndexes indexes) {
    this.history = history;
    this.management = management;
    this.tasks = tasks;
    this.access = access;
    this.indexes = indexes;
  }

  private record Tables(String instances, String variables) {}

  /** An incident as history has it: its process instance, its number and when it started and ended. */
  public record Entry(String processInstanceId, String number, Instant startedAt, Instant endedAt) {
    public boolean open() {
      return endedAt == null;
    }
  }

  /** What to look for; null means any. {@code open}: true open only, false closed only. */
  public record Criteria(Boolean open, String priority, String client, String text) {}

  public record Page(List<Entry> entries, long total) {}

  /** A step waiting for someone: who holds it, which groups may take it, since when. */
  public record OpenStep(String id, String key, String name, String assignee, List<String> candidateGroups, Instant createdAt) {}

  /** Finds an incident by its number (the business key of the incident-response process). */
  public Optional<IncidentRef> find(String number) {
    return entry(number).map(e -> new IncidentRef(e.number(), e.processInstanceId(), e.open()));
  }

  public Optional<Entry> entry(String number) {
    return Optional.ofNullable(
            history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(IncidentProcess.PROCESS_KEY)
                .processInstanceBusinessKey(number)
                .singleResult())
        .map(IncidentHistory::entry);
  }

  /**
   * One native query over the history tables, newest first. The engine's
   * HistoricProcessInstanceQuery joins the variable table once per variable condition without
   * restricting the join by name, so filtering by client (three variables) and text multiplies every
   * incident's variables with each other: seconds per call with a few hundred incidents. EXISTS per
   * condition stays linear.
   */
  public Page search(Criteria criteria, int offset, int size) {
    Tables named = tables();
    String variables = named.variables();
    StringBuilder where = new StringBuilder(" WHERE RES.PROC_DEF_KEY_ = #{processKey}");
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("processKey", IncidentProcess.PROCESS_KEY);
    if (Boolean.TRUE.equals(criteria.open())) {
      where.append(" AND RES.END_TIME_ IS NULL");
    } else if (Boolean.FALSE.equals(criteria.open())) {
      where.append(" AND RES.END_TIME_ IS NOT NULL");
    }
    if (criteria.priority() != null) {
      where.append(" AND ").append(variableIs(variables, "priorityName", "priority"));
      parameters.put("priorityName", Variables.PRIORITY);
      parameters.put("priority", criteria.priority());
    }
    if (criteria.client() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM ").append(variables).append(" V WHERE V.PROC_INST_ID_ = RES.ID_")
          .append(" AND V.NAME_ IN (#{clientsReported}, #{provisionalClients}, #{affectedClients})")
          .append(" AND LOWER(V.TEXT_) LIKE #{client} ESCAPE '\\')");
      parameters.put("clientsReported", Variables.CLIENTS_REPORTED);
      parameters.put("provisionalClients", Variables.PROVISIONAL_CLIENTS);
      parameters.put("affectedClients", Variables.AFFECTED_CLIENTS);
      parameters.put("client", contains(criteria.client()));
    }
    if (criteria.text() != null) {
      where.append(" AND (LOWER(RES.BUSINESS_KEY_) LIKE #{text} ESCAPE '\\'")
          .append(" OR EXISTS (SELECT 1 FROM ").append(variables).append(" V WHERE V.PROC_INST_ID_ = RES.ID_")
          .append(" AND V.NAME_ = #{titleName} AND LOWER(V.TEXT_) LIKE #{text} ESCAPE '\\'))");
      parameters.put("titleName", Variables.TITLE);
      parameters.put("text", contains(criteria.text()));
    }
    String from = " FROM " + named.instances() + " RES";
    NativeHistoricProcessInstanceQuery count = history.createNativeHistoricProcessInstanceQuery().sql("SELECT COUNT(*)" + from + where);
    NativeHistoricProcessInstanceQuery query =
        history.createNativeHistoricProcessInstanceQuery()
            .sql("SELECT RES.*" + from + newestFirstHint() + where + " ORDER BY RES.START_TIME_ DESC, RES.BUSINESS_KEY_ DESC");
    parameters.forEach((name, value) -> {
      count.parameter(name, value);
      query.parameter(name, value);
    });
    // Camunda runs native queries only without authorization checks; READ_HISTORY on the process
    // covers every incident, so it is checked once here instead of per row.
    if (!access.mayReadAllIncidents()) {
      throw access.denied("You may not list incidents");
    }
    long total = access.asEngine(count::count);
    List<Entry> page = access.asEngine(() -> query.listPage(offset, size)).stream().map(IncidentHistory::entry).toList();
    return new Page(page, total);
  }

  /**
   * H2 plans the page by the condition on the process key (its index, or ours on key and start time)
   * and then reads and sorts every incident to keep one page. Told to read the index in the list's
   * own order, it stops after the page's rows (the key condition filters the notification processes
   * that share the table). PostgreSQL reads the key-and-start index backwards by itself. Until the
   * index is made at start (the web server is already up), the page is read as before.
   */
  private String newestFirstHint() {
    return indexes.newestFirstReady() ? " USE INDEX (" + HistoryIndexes.NEWEST_FIRST + ")" : "";
  }

  private Tables tables() {
    Tables named = tables;
    if (named == null) {
      // Table names are the engine's own business (prefixes); asking needs admin rights.
      named = access.asEngine(() -> new Tables(
          management.getTableName(HistoricProcessInstance.class), management.getTableName(HistoricVariableInstance.class)));
      tables = named;
    }
    return named;
  }

  /** The incidents' own values of these names by process instance; a step's local value of the same name is left out. */
  public Map<String, Map<String, Object>> values(Collection<String> processInstanceIds, String... names) {
    Map<String, Map<String, Object>> byInstance = new HashMap<>();
    if (processInstanceIds.isEmpty()) {
      return byInstance;
    }
    for (HistoricVariableInstance variable :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(processInstanceIds.toArray(String[]::new))
            .variableNameIn(names)
            .list()) {
      if (variable.getProcessInstanceId().equals(variable.getActivityInstanceId()) && variable.getValue() != null) {
        byInstance.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(), variable.getValue());
      }
    }
    return byInstance;
  }

  /** The incident's open steps, oldest first, with the groups that may take each. */
  public List<OpenStep> openSteps(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().asc().list().stream()
        .map(task -> new OpenStep(
            task.getId(),
            task.getTaskDefinitionKey(),
            task.getName(),
            task.getAssignee(),
            tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .sorted()
                .toList(),
            instant(task.getCreateTime())))
        .toList();
  }

  private static Entry entry(HistoricProcessInstance instance) {
    return new Entry(instance.getId(), instance.getBusinessKey(), instant(instance.getStartTime()), instant(instance.getEndTime()));
  }

  private static String variableIs(String variables, String nameParameter, String valueParameter) {
    return "EXISTS (SELECT 1 FROM " + variables + " V WHERE V.PROC_INST_ID_ = RES.ID_ AND V.NAME_ = #{" + nameParameter
        + "} AND V.TEXT_ = #{" + valueParameter + "})";
  }

  /** A lower-case LIKE pattern for "contains", escaped with a backslash. */
  static String contains(String text) {
    return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
