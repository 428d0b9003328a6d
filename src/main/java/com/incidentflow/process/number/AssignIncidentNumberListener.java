package com.incidentflow.process.number;

import com.incidentflow.process.IncidentProcess.Variables;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Gives every incident its number as business key, whichever way it was started (Tasklist start
 * form, API, alert). Runs on the start event, after the start form's values were validated.
 */
@Component
public class AssignIncidentNumberListener implements ExecutionListener {

  private final IncidentNumberService numbers;

  public AssignIncidentNumberListener(IncidentNumberService numbers) {
    this.numbers = numbers;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // The engine clock, so that tests which move time also move the year.
    int year = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).getYear();
    String number = numbers.next(year);
    execution.setProcessBusinessKey(number);
    execution.setVariable(Variables.INCIDENT_NUMBER, number);
  }
}
