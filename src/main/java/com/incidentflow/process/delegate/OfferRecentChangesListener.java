package com.incidentflow.process.delegate;

import com.incidentflow.change.IncidentChanges;
import com.incidentflow.change.IncidentChanges.Offer;
import com.incidentflow.process.IncidentProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * When "Confirm the situation" is created: the changes shortly before the incident go on it, for the
 * engineer to mark the suspected ones (状況の確認 3).
 */
@Component
public class OfferRecentChangesListener implements TaskListener {

  private final IncidentChanges changes;

  public OfferRecentChangesListener(IncidentChanges changes) {
    this.changes = changes;
  }

  @Override
  public void notify(DelegateTask task) {
    Offer offer =
        changes.offer(
            (String) task.getVariable(Variables.OCCURRED_AT),
            ClockUtil.getCurrentTime().toInstant(),
            (String) task.getVariable(Variables.SERVICES));
    task.setVariable(Variables.RECENT_CHANGES, SpinValues.jsonValue(offer.changesJson()).create());
    task.setVariable(Variables.RECENT_CHANGE_OPTIONS, SpinValues.jsonValue(offer.optionsJson()).create());
  }
}
