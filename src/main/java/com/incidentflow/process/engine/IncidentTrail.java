package com.incidentflow.process.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * What happened in a process instance, from the engine's history: its start and end, every value
 * written and where, its finished steps and who completed them, its comments and attachments. The
 * timeline is built from it. JSON values come as lists and maps.
 */
@Component
public class IncidentTrail {

  private final HistoryService history;
  private final TaskService tasks;
  private final RepositoryService repository;

  public IncidentTrail(HistoryService history, TaskService tasks, RepositoryService repository) {
    this.history = history;
    this.tasks = tasks;
    this.repository = repository;
  }

  public record Instance(String id, String definitionId, Instant startedAt, String startedBy, Instant endedAt, String endActivityId) {}

  /** A value written in an activity instance (the process instance's id for its start). */
  public record VariableUpdate(String activityInstanceId, String name, Object value, Instant at) {}

  public record Activity(String id, String activityId, String type, String name, Instant endedAt, boolean canceled) {}

  /** A user task, open or done: which activity instance it was, its step, who held it. */
  public record Step(String id, String activityInstanceId, String key, String assignee) {}

  public record Note(String stepId, Instant at, String userId, String text) {}

  public record Attachment(String stepId, Instant at, String name, String url, String description) {}

  public Optional<Instance> instance(String processInstanceId) {
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    return Optional.ofNullable(instance).map(i -> new Instance(
        i.getId(), i.getProcessDefinitionId(), instant(i.getStartTime()), i.getStartUserId(), instant(i.getEndTime()), i.getEndActivityId()));
  }

  /** Every value written, oldest first. */
  public List<VariableUpdate> variableUpdates(String processInstanceId) {
    List<VariableUpdate> updates = new ArrayList<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates().orderByTime().asc().list()) {
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      updates.add(new VariableUpdate(update.getActivityInstanceId(), update.getVariableName(), plain(update.getValue()), instant(update.getTime())));
    }
    return updates;
  }

  /** Finished activities in the order they ended. */
  public List<Activity> finishedActivities(String processInstanceId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).finished()
        .orderByHistoricActivityInstanceEndTime().asc().list().stream()
        .map(a -> new Activity(a.getId(), a.getActivityId(), a.getActivityType(), a.getActivityName(), instant(a.getEndTime()), a.isCanceled()))
        .toList();
  }

  public List<Step> steps(String processInstanceId) {
    return history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list().stream()
        .map(t -> new Step(t.getId(), t.getActivityInstanceId(), t.getTaskDefinitionKey(), t.getAssignee()))
        .toList();
  }

  /** Who completed each step: the user of the Complete operation, if the engine recorded one. */
  public Map<String, String> completers(String processInstanceId) {
    Map<String, String> byStep = new HashMap<>();
    for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(processInstanceId)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()) {
      if (entry.getTaskId() != null && entry.getUserId() != null) {
        byStep.putIfAbsent(entry.getTaskId(), entry.getUserId());
      }
    }
    return byStep;
  }

  public List<Note> comments(String processInstanceId) {
    return tasks.getProcessInstanceComments(processInstanceId).stream()
        .map(c -> new Note(c.getTaskId(), instant(c.getTime()), c.getUserId(), c.getFullMessage()))
        .toList();
  }

  public List<Attachment> attachments(String processInstanceId) {
    return tasks.getProcessInstanceAttachments(processInstanceId).stream()
        .map(a -> new Attachment(a.getTaskId(), instant(a.getCreateTime()), a.getName(), a.getUrl(), a.getDescription()))
        .toList();
  }

  /** The form a user task of the deployed model shows (its camunda:formRef); null for other elements. */
  public String formOf(String definitionId, String activityId) {
    return repository.getBpmnModelInstance(definitionId).getModelElementById(activityId) instanceof UserTask task
        ? task.getCamundaFormRef()
        : null;
  }

  /** The values of these variables in any scope of the instance (the last one found wins a name). */
  public Map<String, Object> values(String processInstanceId, String... names) {
    Map<String, Object> values = new LinkedHashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableNameIn(names).list()
        .forEach(v -> values.put(v.getName(), plain(v.getValue())));
    return values;
  }

  /** Every value the variable has in any scope of the instance. */
  public List<Object> valuesOf(String processInstanceId, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(name).list().stream()
        .map(v -> plain(v.getValue()))
        .toList();
  }

  /**
   * A JSON array as a list (of maps, strings, numbers, booleans), any other JSON value as its text,
   * anything else as it is.
   */
  static Object plain(Object value) {
    if (!(value instanceof SpinJsonNode json)) {
      return value;
    }
    return json.isArray() ? plain(json) : json.toString();
  }

  private static Object plain(SpinJsonNode json) {
    if (json.isArray()) {
      List<Object> list = new ArrayList<>();
      json.elements().forEach(e -> list.add(plain(e)));
      return list;
    }
    if (json.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      json.fieldNames().forEach(name -> map.put(name, plain(json.prop(name))));
      return map;
    }
    if (json.isNull()) {
      return null;
    }
    if (json.isString()) {
      return json.stringValue();
    }
    if (json.isBoolean()) {
      return json.boolValue();
    }
    if (json.isNumber()) {
      return json.numberValue();
    }
    return json.toString();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
