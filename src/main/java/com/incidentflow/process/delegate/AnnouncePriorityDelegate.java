package com.incidentflow.process.delegate;

import com.incidentflow.notification.MailKind;
import com.incidentflow.notification.NotificationOutbox;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells engineers and CS the priority and response targets. Queued here; delivered on its own (NotificationOutbox). */
@Component
public class AnnouncePriorityDelegate implements JavaDelegate {

  private final NotificationOutbox outbox;

  public AnnouncePriorityDelegate(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Notifications.queue(outbox, MailKind.PRIORITY_DECIDED, execution);
  }
}
