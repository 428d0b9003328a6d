package com.incidentflow.process.delegate;

import com.incidentflow.notification.MailKind;
import com.incidentflow.notification.NotificationOutbox;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the engineers on the case to share status, at the priority's cadence. Queued here; delivered on its own (NotificationOutbox). */
@Component
public class RemindStatusUpdateDelegate implements JavaDelegate {

  private final NotificationOutbox outbox;

  public RemindStatusUpdateDelegate(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Notifications.queue(outbox, MailKind.STATUS_UPDATE_DUE, execution);
  }
}
