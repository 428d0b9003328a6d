package com.incidentflow.process.delegate;

import com.incidentflow.notification.MailKind;
import com.incidentflow.notification.NotificationOutbox;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Asks the chosen specialist group for help (仲間を集めよう). Queued here; delivered on its own (NotificationOutbox). */
@Component
public class RequestHelpDelegate implements JavaDelegate {

  private final NotificationOutbox outbox;

  public RequestHelpDelegate(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Notifications.queue(outbox, MailKind.HELP_REQUESTED, execution);
  }
}
