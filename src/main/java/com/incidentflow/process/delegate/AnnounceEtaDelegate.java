package com.incidentflow.process.delegate;

import com.incidentflow.notification.MailKind;
import com.incidentflow.notification.NotificationOutbox;
import com.incidentflow.process.IncidentProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells CS the new ETA (they negotiate dates with clients), then remembers what they were told. */
@Component
public class AnnounceEtaDelegate implements JavaDelegate {

  private final NotificationOutbox outbox;

  public AnnounceEtaDelegate(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Notifications.queue(outbox, MailKind.ETA_CHANGED, execution);
    execution.setVariable(Variables.ANNOUNCED_ETA, execution.getVariable(Variables.ETA));
  }
}
