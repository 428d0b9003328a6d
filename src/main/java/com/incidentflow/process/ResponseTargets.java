package com.incidentflow.process;

import com.incidentflow.process.Choices.Importance;
import com.incidentflow.process.Choices.Scope;
import com.incidentflow.process.Choices.Urgency;
import com.incidentflow.process.IncidentProcess.Variables;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * When overdue steps escalate and how often status updates are due, as timer cycles for the model
 * ({@code ${responseTargets.judgement(execution)}}). The durations come from the priority decision;
 * before the priority is known, the P1 targets apply (SPEC §3: assume the worst).
 */
@Component("responseTargets")
public class ResponseTargets {

  /** An overdue step is escalated this many times, one target period apart. */
  static final int ESCALATIONS = 3;

  /**
   * For a step without a target (e.g. first response of a P3): a timer that cannot fire while an
   * incident is worked. A boundary timer cannot be left out conditionally in BPMN.
   */
  static final String NEVER = "R1/P3650D";

  private final DecisionService decisions;
  private final RepositoryService repository;
  /**
   * The P1 targets per deployed version of the table: the same inputs give the same answer, so each
   * version is evaluated once, not at every report (an evaluation with its history rows per incident).
   */
  private final Map<String, Map<String, Object>> worstCaseByTable = new ConcurrentHashMap<>();

  public ResponseTargets(DecisionService decisions, RepositoryService repository) {
    this.decisions = decisions;
    this.repository = repository;
  }

  /** At the report: until managers have judged, the judgement target of P1 applies. */
  public void assumeWorst(VariableScope incident) {
    incident.setVariable(Variables.JUDGEMENT_TARGET, worstCase(Variables.JUDGEMENT_TARGET));
  }

  public String judgement(VariableScope incident) {
    return escalation((String) incident.getVariable(Variables.JUDGEMENT_TARGET));
  }

  public String firstResponse(VariableScope incident) {
    return escalation((String) incident.getVariable(Variables.FIRST_RESPONSE_TARGET));
  }

  /** Repeats for as long as the response is under way. */
  public String statusUpdates(VariableScope incident) {
    String interval = (String) incident.getVariable(Variables.STATUS_UPDATE_INTERVAL);
    return interval == null || interval.isBlank() ? NEVER : "R/" + interval;
  }

  static String escalation(String target) {
    return target == null || target.isBlank() ? NEVER : "R" + ESCALATIONS + "/" + target;
  }

  /** The decision table's value for the highest priority, so the DMN stays the one source. */
  private String worstCase(String output) {
    DecisionDefinition table = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(IncidentProcess.PRIORITY_DECISION_KEY)
        .withoutTenantId()
        .latestVersion()
        .singleResult();
    Map<String, Object> worst = worstCaseByTable.computeIfAbsent(table.getId(), id -> Collections.unmodifiableMap(decisions
        .evaluateDecisionById(id)
        .variables(
            Map.of(
                Variables.IMPORTANCE, Importance.HIGH.name(),
                Variables.URGENCY, Urgency.URGENT.name(),
                Variables.PROVISIONAL_SCOPE, Scope.ALL.name()))
        .evaluate()
        .getSingleResult()
        .getEntryMap()));
    return (String) worst.get(output);
  }
}
