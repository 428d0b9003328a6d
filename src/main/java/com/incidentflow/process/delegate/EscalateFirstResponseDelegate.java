package com.incidentflow.process.delegate;

import com.incidentflow.notification.MailKind;
import com.incidentflow.notification.NotificationOutbox;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An overdue first response is escalated to the managers. Queued here; delivered on its own (NotificationOutbox). */
@Component
public class EscalateFirstResponseDelegate implements JavaDelegate {

  private final NotificationOutbox outbox;

  public EscalateFirstResponseDelegate(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Notifications.queue(outbox, MailKind.FIRST_RESPONSE_OVERDUE, execution);
  }
}
