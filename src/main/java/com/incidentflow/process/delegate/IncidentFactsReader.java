package com.incidentflow.process.delegate;

import com.incidentflow.notification.IncidentFacts;
import com.incidentflow.notification.IncidentFacts.OpenTask;
import com.incidentflow.process.IncidentProcess.Variables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/**
 * Reads what a notification needs from an incident when it is delivered: its values and its open
 * steps as they are now. The incident may have ended meanwhile (a mail delivered after an SMTP
 * outage); its values then come from history.
 */
final class IncidentFactsReader {

  private IncidentFactsReader() {}

  static IncidentFacts read(ProcessEngineServices engine, String incidentId, String step) {
    Map<String, Object> values = new HashMap<>();
    boolean running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(incidentId).count() > 0;
    if (running) {
      engine.getRuntimeService().getVariables(incidentId).forEach((name, value) -> put(values, name, value));
    } else {
      for (HistoricVariableInstance variable : engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(incidentId).list()) {
        if (incidentId.equals(variable.getActivityInstanceId())) { // the incident's own values, not a step's local ones
          put(values, variable.getName(), variable.getValue());
        }
      }
    }
    List<OpenTask> open =
        engine.getTaskService().createTaskQuery()
            .processInstanceId(incidentId)
            .orderByTaskCreateTime()
            .asc()
            .list()
            .stream()
            .map(task -> new OpenTask(task.getId(), task.getName(), task.getAssignee()))
            .toList();
    return new IncidentFacts((String) values.get(Variables.INCIDENT_NUMBER), incidentId, values, step, open);
  }

  private static void put(Map<String, Object> values, String name, Object value) {
    if (value != null) {
      values.put(name, value);
    }
  }
}
