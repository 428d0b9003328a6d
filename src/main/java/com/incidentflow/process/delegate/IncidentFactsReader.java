package com.incidentflow.process.delegate;

import com.incidentflow.notification.IncidentFacts;
import com.incidentflow.process.IncidentProcess.Variables;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reads what the notifications need from a running incident. */
final class IncidentFactsReader {

  private IncidentFactsReader() {}

  static IncidentFacts read(DelegateExecution execution) {
    Map<String, Object> values = new HashMap<>();
    execution.getVariables().forEach((name, value) -> {
      if (value != null) {
        values.put(name, value);
      }
    });
    String number = (String) execution.getVariable(Variables.INCIDENT_NUMBER);
    return new IncidentFacts(number, execution.getProcessInstanceId(), values);
  }
}
