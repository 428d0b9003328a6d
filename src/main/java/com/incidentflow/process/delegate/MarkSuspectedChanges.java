package com.incidentflow.process.delegate;

import com.incidentflow.change.Change;
import com.incidentflow.change.IncidentChanges;
import com.incidentflow.notification.MailKind;
import com.incidentflow.notification.NotificationOutbox;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.ProcessStep;
import com.incidentflow.process.engine.StepContext;
import com.incidentflow.process.step.StepValues;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * When "Confirm the situation" is completed (after its validation): the changes the engineer
 * suspects are recorded for the manager's report and the metrics, and their authors are asked first.
 */
@Component
public class MarkSuspectedChanges implements ProcessStep {

  private final IncidentChanges changes;
  private final NotificationOutbox outbox;
  private final Clock clock;

  public MarkSuspectedChanges(IncidentChanges changes, NotificationOutbox outbox, Clock clock) {
    this.changes = changes;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public void run(StepContext step) {
    List<Change> suspected = changes.suspected(new StepValues(step::value).list(Variables.SUSPECTED_CHANGES));
    if (suspected.isEmpty()) {
      return;
    }
    // The engineer may not list users; finding the authors among them is the step's own business.
    Set<String> authors = step.withoutAuthorization(() -> changes.askableAuthors(suspected));
    step.setVariable(Variables.SUSPECTED_CHANGE, changes.inWords(suspected));
    step.setVariable(Variables.SUSPECTED_CHANGE_AUTHORS, String.join(",", authors));
    changes.markSuspected(step.processInstanceId(), step.text(Variables.INCIDENT_NUMBER), suspected, clock.instant());
    // An author without an address is still offered the investigation; a mail to nobody would only fail.
    if (step.withoutAuthorization(() -> changes.reachableByMail(authors))) {
      ProcessSteps.queue(outbox, MailKind.CHANGE_AUTHOR_ASKED, step);
    }
  }
}
