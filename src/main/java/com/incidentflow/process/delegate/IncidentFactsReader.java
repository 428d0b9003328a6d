package com.incidentflow.process.delegate;

import com.incidentflow.notification.IncidentFacts;
import com.incidentflow.notification.IncidentFacts.OpenTask;
import com.incidentflow.process.IncidentProcess.Variables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reads what the notifications need from a running incident: its values and its open steps. */
final class IncidentFactsReader {

  private IncidentFactsReader() {}

  static IncidentFacts read(DelegateExecution execution) {
    Map<String, Object> values = new HashMap<>();
    execution.getVariables().forEach((name, value) -> {
      if (value != null) {
        values.put(name, value);
      }
    });
    List<OpenTask> open =
        execution.getProcessEngineServices().getTaskService().createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .orderByTaskCreateTime()
            .asc()
            .list()
            .stream()
            .map(task -> new OpenTask(task.getId(), task.getName(), task.getAssignee()))
            .toList();
    return new IncidentFacts(
        (String) execution.getVariable(Variables.INCIDENT_NUMBER),
        execution.getProcessInstanceId(),
        values,
        execution.getCurrentActivityName(),
        open);
  }
}
