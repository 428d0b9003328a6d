package com.incidentflow.process.delegate;

import com.incidentflow.notification.MailKind;
import com.incidentflow.notification.NotificationOutbox;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells everyone involved that the incident is resolved. Queued here; delivered on its own (NotificationOutbox). */
@Component
public class NotifyResolvedDelegate implements JavaDelegate {

  private final NotificationOutbox outbox;

  public NotifyResolvedDelegate(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Notifications.queue(outbox, MailKind.RESOLVED, execution);
  }
}
