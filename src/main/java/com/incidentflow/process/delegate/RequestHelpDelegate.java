package com.incidentflow.process.delegate;

import com.incidentflow.notification.IncidentNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Asks the chosen specialist group for help (仲間を集めよう). */
@Component
public class RequestHelpDelegate implements JavaDelegate {

  private final IncidentNotifications notifications;

  public RequestHelpDelegate(IncidentNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.requestHelp(IncidentFactsReader.read(execution));
  }
}
