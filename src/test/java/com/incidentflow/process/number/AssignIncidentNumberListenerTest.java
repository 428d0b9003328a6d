package com.incidentflow.process.number;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.incidentflow.config.TeamSettings;
import com.incidentflow.process.IncidentProcess.Variables;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AssignIncidentNumberListenerTest {

  /** New Year's morning in Tokyo, still New Year's Eve in UTC. */
  static final Date NEW_YEARS_MORNING_IN_TOKYO = Date.from(Instant.parse("2026-12-31T23:30:00Z"));

  final IncidentNumberService numbers = mock(IncidentNumberService.class);
  final DelegateExecution execution = mock(DelegateExecution.class);

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldNumberAnIncidentInTheYearOfTheTeamsZone() {
    ClockUtil.setCurrentTime(NEW_YEARS_MORNING_IN_TOKYO);
    when(numbers.next(2027)).thenReturn("INC-2027-0001");

    new AssignIncidentNumberListener(numbers, new TeamSettings(null, null, ZoneId.of("Asia/Tokyo"))).notify(execution);

    verify(execution).setProcessBusinessKey("INC-2027-0001");
    verify(execution).setVariable(Variables.INCIDENT_NUMBER, "INC-2027-0001");
  }

  @Test
  void shouldNumberInTheOldYearWhereItIsStillTheOldYear() {
    ClockUtil.setCurrentTime(NEW_YEARS_MORNING_IN_TOKYO);
    when(numbers.next(2026)).thenReturn("INC-2026-0815");

    new AssignIncidentNumberListener(numbers, new TeamSettings(null, null, ZoneId.of("Europe/London"))).notify(execution);

    verify(execution).setProcessBusinessKey("INC-2026-0815");
  }
}
