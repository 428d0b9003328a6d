package com.incidentflow.process.delegate;

import com.incidentflow.change.IncidentChanges;
import com.incidentflow.change.IncidentChanges.Offer;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.ProcessStep;
import com.incidentflow.process.engine.StepContext;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * When "Confirm the situation" is created: the changes shortly before the incident go on it, for the
 * engineer to mark the suspected ones (状況の確認 3).
 */
@Component
public class OfferRecentChanges implements ProcessStep {

  private final IncidentChanges changes;
  private final Clock clock;

  public OfferRecentChanges(IncidentChanges changes, Clock clock) {
    this.changes = changes;
    this.clock = clock;
  }

  @Override
  public void run(StepContext task) {
    Offer offer = changes.offer(task.text(Variables.OCCURRED_AT), clock.instant(), task.text(Variables.SERVICES));
    task.setJsonVariable(Variables.RECENT_CHANGES, offer.changesJson());
    task.setJsonVariable(Variables.RECENT_CHANGE_OPTIONS, offer.optionsJson());
  }
}
