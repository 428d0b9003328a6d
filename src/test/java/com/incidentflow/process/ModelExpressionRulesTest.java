package com.incidentflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.incidentflow.config.TeamSettings;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.IncidentRuntime;
import com.incidentflow.process.engine.ProcessModel;
import com.incidentflow.process.engine.StepContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules behind the model's expressions (process.engine.ModelExpressions), without an engine. */
class ModelExpressionRulesTest {

  static final TeamSettings TOKYO = new TeamSettings(null, null, ZoneId.of("Asia/Tokyo"));

  final StepContext incident = mock(StepContext.class, CALLS_REAL_METHODS);

  @Test
  void shouldAskTheAuthorsOfTheSuspectedChangesFirst() {
    doReturn(" emma, ,noah ").when(incident).variable(Variables.SUSPECTED_CHANGE_AUTHORS);

    assertThat(SuspectedChangeAuthors.of(incident)).containsExactly("emma", "noah");
  }

  @Test
  void shouldAskNobodyInParticularWhenNoChangeIsSuspected() {
    assertThat(SuspectedChangeAuthors.of(incident)).isEmpty();
    doReturn("  ").when(incident).variable(Variables.SUSPECTED_CHANGE_AUTHORS);
    assertThat(SuspectedChangeAuthors.of(incident)).isEmpty();
  }

  @Test
  void shouldEscalateAnOverdueStepThreeTimesOneTargetApart() {
    doReturn("PT30M").when(incident).variable(Variables.JUDGEMENT_TARGET);
    doReturn("PT2H").when(incident).variable(Variables.STATUS_UPDATE_INTERVAL);
    ResponseTargets targets = new ResponseTargets(mock(ProcessModel.class));

    assertThat(targets.judgement(incident)).isEqualTo("R3/PT30M");
    assertThat(targets.firstResponse(incident)).isEqualTo(ResponseTargets.NEVER);
    assertThat(targets.statusUpdates(incident)).isEqualTo("R/PT2H");
  }

  @Test
  void shouldAssumeTheWorstFromTheDecisionTableEvaluatedOncePerVersion() {
    ProcessModel model = mock(ProcessModel.class);
    when(model.latestDecisionId(IncidentProcess.PRIORITY_DECISION_KEY)).thenReturn("priority:1");
    when(model.decide(anyString(), any())).thenReturn(Map.of(Variables.JUDGEMENT_TARGET, "PT15M"));
    ResponseTargets targets = new ResponseTargets(model);

    targets.assumeWorst(incident);
    targets.assumeWorst(incident);

    verify(incident, times(2)).setVariable(Variables.JUDGEMENT_TARGET, "PT15M");
    verify(model, times(1)).decide(anyString(), any());
  }

  @Test
  void shouldTakeTheEtaAsDueDateInTheTeamsZoneWhenItHasNoOffset() {
    doReturn("2026-12-01T09:30").when(incident).variable(Variables.ETA);

    assertThat(new EtaTracker(TOKYO, mock(IncidentRuntime.class)).dueDate(incident))
        .isEqualTo(Date.from(Instant.parse("2026-12-01T00:30:00Z")));
  }

  @Test
  void shouldMoveTheEtaWhenTheDueDateMoves() {
    IncidentRuntime runtime = mock(IncidentRuntime.class);
    doReturn("2026-12-01T09:30+09:00").when(incident).variable(Variables.ETA);
    doReturn("pi-1").when(incident).processInstanceId();

    new EtaTracker(TOKYO, runtime).dueDateChanged(incident, Date.from(Instant.parse("2026-12-02T01:00:00Z")));

    verify(runtime).setVariable("pi-1", Variables.ETA, "2026-12-02T10:00+09:00");
  }

  @Test
  void shouldLeaveTheEtaWhenTheDueDateIsTheEtaOrCleared() {
    IncidentRuntime runtime = mock(IncidentRuntime.class);
    doReturn("2026-12-01T09:30+09:00").when(incident).variable(Variables.ETA);
    EtaTracker eta = new EtaTracker(TOKYO, runtime);

    eta.dueDateChanged(incident, Date.from(Instant.parse("2026-12-01T00:30:00Z")));
    eta.dueDateChanged(incident, null);

    verify(runtime, never()).setVariable(any(), any(), any());
  }
}
