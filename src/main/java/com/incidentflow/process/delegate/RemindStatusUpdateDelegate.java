package com.incidentflow.process.delegate;

import com.incidentflow.notification.IncidentNotifications;
import com.incidentflow.process.IncidentParticipants;
import com.incidentflow.process.IncidentProcess.Tasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the engineers on the case to share status, at the priority's cadence. */
@Component
public class RemindStatusUpdateDelegate implements JavaDelegate {

  private final IncidentNotifications notifications;
  private final IncidentParticipants participants;

  public RemindStatusUpdateDelegate(
      IncidentNotifications notifications, IncidentParticipants participants) {
    this.notifications = notifications;
    this.participants = participants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.remindStatusUpdate(
        IncidentFactsReader.read(execution),
        participants.workingOn(execution.getProcessInstanceId(), Tasks.CONTACT_CLIENT));
  }
}
