package com.incidentflow.process.delegate;

import com.incidentflow.notification.IncidentNotifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells engineers and CS the priority and response targets. */
@Component
public class AnnouncePriorityDelegate implements JavaDelegate {

  private final IncidentNotifications notifications;

  public AnnouncePriorityDelegate(IncidentNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.announcePriority(IncidentFactsReader.read(execution));
  }
}
