package com.incidentflow.process.delegate;

import com.incidentflow.notification.IncidentNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Report to the manager (上長に報告): the managers hear of the incident at once. */
@Component
public class SendManagerReportDelegate implements JavaDelegate {

  private final IncidentNotifications notifications;

  public SendManagerReportDelegate(IncidentNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.reportToManagers(IncidentFactsReader.read(execution));
  }
}
