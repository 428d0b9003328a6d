package com.incidentflow.process.delegate;

import com.incidentflow.notification.IncidentNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An overdue first response is escalated to the managers. */
@Component
public class EscalateFirstResponseDelegate implements JavaDelegate {

  private final IncidentNotifications notifications;

  public EscalateFirstResponseDelegate(IncidentNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.escalateFirstResponse(IncidentFactsReader.read(execution));
  }
}
