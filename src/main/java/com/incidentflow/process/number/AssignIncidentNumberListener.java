package com.incidentflow.process.number;

import com.incidentflow.config.TeamSettings;
import com.incidentflow.process.IncidentProcess.Variables;
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
  private final TeamSettings team;

  public AssignIncidentNumberListener(IncidentNumberService numbers, TeamSettings team) {
    this.numbers = numbers;
    this.team = team;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // The engine clock, so that tests which move time also move the year; the team's zone, so that
    // an incident reported on New Year's morning in Tokyo is of the new year on a UTC server too.
    int year = ClockUtil.getCurrentTime().toInstant().atZone(team.zone()).getYear();
    String number = numbers.next(year);
    execution.setProcessBusinessKey(number);
    execution.setVariable(Variables.INCIDENT_NUMBER, number);
  }
}
