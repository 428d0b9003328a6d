package com.incidentflow.process.engine;

import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.IncidentSnapshot.OpenTask;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * Takes what a notification needs from an incident when it is delivered: its values and its open
 * steps as they are now. The incident may have ended meanwhile (a mail delivered after an SMTP
 * outage); its values then come from history.
 */
@Component
public class IncidentSnapshots {

  private final RuntimeService runtime;
  private final HistoryService history;
  private final TaskService tasks;

  public IncidentSnapshots(RuntimeService runtime, HistoryService history, TaskService tasks) {
    this.runtime = runtime;
    this.history = history;
    this.tasks = tasks;
  }

  public IncidentSnapshot take(String incidentId, String step) {
    Map<String, Object> values = new HashMap<>();
    boolean running = runtime.createProcessInstanceQuery().processInstanceId(incidentId).count() > 0;
    if (running) {
      runtime.getVariables(incidentId).forEach((name, value) -> put(values, name, value));
    } else {
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().processInstanceId(incidentId).list()) {
        if (incidentId.equals(variable.getActivityInstanceId())) { // the incident's own values, not a step's local ones
          put(values, variable.getName(), variable.getValue());
        }
      }
    }
    List<OpenTask> open =
        tasks.createTaskQuery()
            .processInstanceId(incidentId)
            .orderByTaskCreateTime()
            .asc()
            .list()
            .stream()
            .map(task -> new OpenTask(task.getId(), task.getName(), task.getAssignee()))
            .toList();
    return new IncidentSnapshot((String) values.get(Variables.INCIDENT_NUMBER), incidentId, values, step, open);
  }

  private static void put(Map<String, Object> values, String name, Object value) {
    if (value != null) {
      values.put(name, value);
    }
  }
}
