package com.incidentflow.process.number;

import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.ProcessStep;
import com.incidentflow.process.engine.StepContext;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Gives every incident its number as business key, whichever way it was started (Tasklist start
 * form, API, alert). Runs on the start event, after the start form's values were validated.
 */
@Component
public class AssignIncidentNumber implements ProcessStep {

  private final IncidentNumberService numbers;
  private final Clock clock;

  public AssignIncidentNumber(IncidentNumberService numbers, Clock clock) {
    this.numbers = numbers;
    this.clock = clock;
  }

  @Override
  public void run(StepContext start) {
    // The engine clock (in the server's zone), so that tests which move time also move the year.
    String number = numbers.next(LocalDate.now(clock).getYear());
    start.setBusinessKey(number);
    start.setVariable(Variables.INCIDENT_NUMBER, number);
  }
}
