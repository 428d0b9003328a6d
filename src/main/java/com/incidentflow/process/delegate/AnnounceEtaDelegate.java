package com.incidentflow.process.delegate;

import com.incidentflow.notification.IncidentNotifications;
import com.incidentflow.process.IncidentProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells CS the new ETA (they negotiate dates with clients), then remembers what they were told. */
@Component
public class AnnounceEtaDelegate implements JavaDelegate {

  private final IncidentNotifications notifications;

  public AnnounceEtaDelegate(IncidentNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.announceEta(IncidentFactsReader.read(execution));
    execution.setVariable(Variables.ANNOUNCED_ETA, execution.getVariable(Variables.ETA));
  }
}
