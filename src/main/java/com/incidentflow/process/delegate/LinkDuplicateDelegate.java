package com.incidentflow.process.delegate;

import com.incidentflow.process.DuplicateIncidents;
import com.incidentflow.process.IncidentProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Links an incident the manager knows is already being handled to the one handling it. */
@Component
public class LinkDuplicateDelegate implements JavaDelegate {

  private final DuplicateIncidents duplicates;

  public LinkDuplicateDelegate(DuplicateIncidents duplicates) {
    this.duplicates = duplicates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    duplicates.link(
        (String) execution.getVariable(Variables.INCIDENT_NUMBER),
        execution.getProcessInstanceId(),
        ((String) execution.getVariable(Variables.DUPLICATE_OF)).trim());
  }
}
