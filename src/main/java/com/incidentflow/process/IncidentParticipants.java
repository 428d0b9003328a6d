package com.incidentflow.process;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;

/** Who took part in an incident, from the engine's history: reporter, assignees, completers. */
@Service
public class IncidentParticipants {

  private final HistoryService history;

  public IncidentParticipants(HistoryService history) {
    this.history = history;
  }

  public Set<String> of(String processInstanceId) {
    Set<String> users = new LinkedHashSet<>();
    var instance =
        history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    if (instance != null && instance.getStartUserId() != null) {
      users.add(instance.getStartUserId());
    }
    history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list().stream()
        .map(HistoricTaskInstance::getAssignee)
        .filter(user -> user != null)
        .forEach(users::add);
    history
        .createUserOperationLogQuery()
        .processInstanceId(processInstanceId)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
        .list()
        .stream()
        .map(UserOperationLogEntry::getUserId)
        .filter(user -> user != null)
        .forEach(users::add);
    return users;
  }
}
