package com.incidentflow.process.number;

import com.incidentflow.config.TeamSettings;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.ProcessStep;
import com.incidentflow.process.engine.StepContext;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Gives every incident its number as business key, whichever way it was started (Tasklist start
 * form, API, alert). Runs on the start event, after the start form's values were validated.
 */
@Component
public class AssignIncidentNumber implements ProcessStep {

  private final IncidentNumberService numbers;
  private final Clock clock;
  private final TeamSettings team;

  public AssignIncidentNumber(IncidentNumberService numbers, Clock clock, TeamSettings team) {
    this.numbers = numbers;
    this.clock = clock;
    this.team = team;
  }

  @Override
  public void run(StepContext start) {
    // The engine clock, so that tests which move time also move the year; the team's zone, so that
    // an incident reported on New Year's morning in Tokyo is of the new year on a UTC server too.
    String number = numbers.next(clock.instant().atZone(team.zone()).getYear());
    start.setBusinessKey(number);
    start.setVariable(Variables.INCIDENT_NUMBER, number);
  }
}
