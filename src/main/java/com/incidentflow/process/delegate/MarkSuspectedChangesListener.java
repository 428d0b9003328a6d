package com.incidentflow.process.delegate;

import com.incidentflow.change.Change;
import com.incidentflow.change.IncidentChanges;
import com.incidentflow.notification.MailKind;
import com.incidentflow.notification.NotificationOutbox;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.step.StepValues;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * When "Confirm the situation" is completed (after its validation): the changes the engineer
 * suspects are recorded for the manager's report and the metrics, and their authors are asked first.
 */
@Component
public class MarkSuspectedChangesListener implements ExecutionListener {

  private final IncidentChanges changes;
  private final NotificationOutbox outbox;

  public MarkSuspectedChangesListener(IncidentChanges changes, NotificationOutbox outbox) {
    this.changes = changes;
    this.outbox = outbox;
  }

  @Override
  public void notify(DelegateExecution execution) {
    List<Change> suspected = changes.suspected(new StepValues(execution::getVariable).list(Variables.SUSPECTED_CHANGES));
    if (suspected.isEmpty()) {
      return;
    }
    // The engineer may not list users; finding the authors among them is the step's own business.
    Set<String> authors = Context.getCommandContext().runWithoutAuthorization(() -> changes.askableAuthors(suspected));
    execution.setVariable(Variables.SUSPECTED_CHANGE, changes.inWords(suspected));
    execution.setVariable(Variables.SUSPECTED_CHANGE_AUTHORS, String.join(",", authors));
    changes.markSuspected(execution.getProcessInstanceId(), (String) execution.getVariable(Variables.INCIDENT_NUMBER),
        suspected, ClockUtil.getCurrentTime().toInstant());
    // An author without an address is still offered the investigation; a mail to nobody would only fail.
    if (Context.getCommandContext().runWithoutAuthorization(() -> changes.reachableByMail(authors))) {
      Notifications.queue(outbox, MailKind.CHANGE_AUTHOR_ASKED, execution);
    }
  }
}
