package com.incidentflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.incidentflow.IncidentFlowTest;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The default priority table and targets of SPEC §3, as processes/incident-priority.dmn says. */
@IncidentFlowTest
class PriorityDecisionTest {

  @Autowired DecisionService decisions;

  @ParameterizedTest(name = "{0} {1} scope {2} -> {3}")
  @CsvSource({
    "HIGH, URGENT, SOME, P1", "HIGH, NOT_URGENT, SOME, P2",
    "MEDIUM, URGENT, ONE, P2", "MEDIUM, NOT_URGENT, UNKNOWN, P3",
    "LOW, URGENT, SOME, P3", "LOW, NOT_URGENT, ONE, P4",
    "HIGH, URGENT, ALL, P1", "HIGH, NOT_URGENT, ALL, P1",
    "MEDIUM, URGENT, ALL, P1", "MEDIUM, NOT_URGENT, ALL, P2",
    "LOW, URGENT, ALL, P2", "LOW, NOT_URGENT, ALL, P3"
  })
  void shouldDerivePriority(String importance, String urgency, String scope, String priority) {
    assertThat(decide(importance, urgency, scope).<String>getEntry("priority")).isEqualTo(priority);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      value = {
        "P1 | HIGH   | URGENT     | PT15M | PT1H | PT30M | PT8H",
        "P2 | HIGH   | NOT_URGENT | PT30M | PT4H | PT1H  | PT24H",
        "P3 | MEDIUM | NOT_URGENT | PT2H  |      | PT4H  | P5D",
        "P4 | LOW    | NOT_URGENT | P1D   |      | P1D   |"
      },
      delimiter = '|')
  void shouldGiveEachPriorityItsTargets(
      String priority, String importance, String urgency, String judgement, String firstResponse, String update, String resolve) {
    DmnDecisionResultEntries result = decide(importance, urgency, "ONE");
    assertThat(result.<String>getEntry("priority")).isEqualTo(priority);
    assertThat(result.<String>getEntry("judgementTarget")).isEqualTo(judgement);
    assertThat(result.<String>getEntry("firstResponseTarget")).isEqualTo(firstResponse);
    assertThat(result.<String>getEntry("statusUpdateInterval")).isEqualTo(update);
    assertThat(result.<String>getEntry("resolveTarget")).isEqualTo(resolve);
  }

  private DmnDecisionResultEntries decide(String importance, String urgency, String scope) {
    return decisions
        .evaluateDecisionByKey(IncidentProcess.PRIORITY_DECISION_KEY)
        .variables(Map.of("importance", importance, "urgency", urgency, "provisionalScope", scope))
        .evaluate()
        .getSingleResult();
  }
}
