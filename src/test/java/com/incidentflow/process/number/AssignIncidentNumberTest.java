package com.incidentflow.process.number;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.incidentflow.config.TeamSettings;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.StepContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AssignIncidentNumberTest {

  /** New Year's morning in Tokyo, still New Year's Eve in UTC; the server runs in UTC. */
  static final Clock NEW_YEARS_MORNING_IN_TOKYO = Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC);

  final IncidentNumberService numbers = mock(IncidentNumberService.class);
  final StepContext start = mock(StepContext.class);

  @Test
  void shouldNumberAnIncidentInTheYearOfTheTeamsZone() {
    when(numbers.next(2027)).thenReturn("INC-2027-0001");

    new AssignIncidentNumber(numbers, NEW_YEARS_MORNING_IN_TOKYO, new TeamSettings(null, null, ZoneId.of("Asia/Tokyo"))).run(start);

    verify(start).setBusinessKey("INC-2027-0001");
    verify(start).setVariable(Variables.INCIDENT_NUMBER, "INC-2027-0001");
  }

  @Test
  void shouldNumberInTheOldYearWhereItIsStillTheOldYear() {
    when(numbers.next(2026)).thenReturn("INC-2026-0815");

    new AssignIncidentNumber(numbers, NEW_YEARS_MORNING_IN_TOKYO, new TeamSettings(null, null, ZoneId.of("Europe/London"))).run(start);

    verify(start).setBusinessKey("INC-2026-0815");
  }
}
