package com.incidentflow.process.engine;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** Who takes and took part in an incident: reporter, assignees, completers. */
@Service
public class IncidentParticipants {

  private final HistoryService history;
  private final TaskService tasks;

  public IncidentParticipants(HistoryService history, TaskService tasks) {
    this.history = history;
    this.tasks = tasks;
  }

  /** The open step of the incident the user took last; empty when they hold none. */
  public Optional<String> latestStepHeldBy(String processInstanceId, String user) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskAssignee(user)
        .orderByTaskCreateTime().desc().list().stream().findFirst().map(task -> task.getId());
  }

  /** Who holds the incident's open steps now, leaving out the given steps; in the order the steps were created. */
  public Set<String> workingOn(String processInstanceId, String... exceptSteps) {
    Set<String> except = Set.of(exceptSteps);
    Set<String> users = new LinkedHashSet<>();
    tasks.createTaskQuery().processInstanceId(processInstanceId).list().stream()
        .sorted(Comparator.comparing(Task::getCreateTime).thenComparing(Task::getTaskDefinitionKey).thenComparing(Task::getId))
        .filter(task -> task.getAssignee() != null && !except.contains(task.getTaskDefinitionKey()))
        .forEach(task -> users.add(task.getAssignee()));
    return users;
  }

  /**
   * Everyone who took part, in the order they did: the reporter, then the steps' assignees by the steps' start
   * (steps started together by their key), then who completed a step. Without an order the database returns the
   * rows in any order, and the mentions of a chat message would change from one delivery to the next.
   */
  public Set<String> of(String processInstanceId) {
    Set<String> users = new LinkedHashSet<>();
    var instance =
        history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    if (instance != null && instance.getStartUserId() != null) {
      users.add(instance.getStartUserId());
    }
    history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list().stream()
        .sorted(Comparator.comparing(HistoricTaskInstance::getStartTime)
            .thenComparing(HistoricTaskInstance::getTaskDefinitionKey)
            .thenComparing(HistoricTaskInstance::getId))
        .map(HistoricTaskInstance::getAssignee)
        .filter(user -> user != null)
        .forEach(users::add);
    history
        .createUserOperationLogQuery()
        .processInstanceId(processInstanceId)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
        .orderByTimestamp()
        .asc()
        .list()
        .stream()
        .map(UserOperationLogEntry::getUserId)
        .filter(user -> user != null)
        .forEach(users::add);
    return users;
  }
}
