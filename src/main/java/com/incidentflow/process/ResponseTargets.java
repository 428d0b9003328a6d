package com.incidentflow.process;

import com.incidentflow.process.Choices.Importance;
import com.incidentflow.process.Choices.Scope;
import com.incidentflow.process.Choices.Urgency;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.ProcessModel;
import com.incidentflow.process.engine.StepContext;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * When overdue steps escalate and how often status updates are due, as timer cycles for the model
 * ({@code ${responseTargets.judgement(execution)}}). The durations come from the priority decision;
 * before the priority is known, the P1 targets apply (SPEC §3: assume the worst). The model's
 * expressions reach it through process.engine.ModelExpressions, which holds the bean name the model uses.
 */
// The model's bean name belongs to its expression (process.engine.ModelExpressions).
@Component("responseTargetRules")
public class ResponseTargets {

  /** An overdue step is escalated this many times, one target period apart. */
  static final int ESCALATIONS = 3;

  /**
   * For a step without a target (e.g. first response of a P3): a timer that cannot fire while an
   * incident is worked. A boundary timer cannot be left out conditionally in BPMN.
   */
  static final String NEVER = "R1/P3650D";

  private final ProcessModel model;
  /**
   * The P1 targets per deployed version of the table: the same inputs give the same answer, so each
   * version is evaluated once, not at every report (an evaluation with its history rows per incident).
   */
  private final Map<String, Map<String, Object>> worstCaseByTable = new ConcurrentHashMap<>();

  public ResponseTargets(ProcessModel model) {
    this.model = model;
  }

  /** At the report: until managers have judged, the judgement target of P1 applies. */
  public void assumeWorst(StepContext incident) {
    incident.setVariable(Variables.JUDGEMENT_TARGET, worstCase(Variables.JUDGEMENT_TARGET));
  }

  public String judgement(StepContext incident) {
    return escalation(incident.text(Variables.JUDGEMENT_TARGET));
  }

  public String firstResponse(StepContext incident) {
    return escalation(incident.text(Variables.FIRST_RESPONSE_TARGET));
  }

  /** Repeats for as long as the response is under way. */
  public String statusUpdates(StepContext incident) {
    String interval = incident.text(Variables.STATUS_UPDATE_INTERVAL);
    return interval == null || interval.isBlank() ? NEVER : "R/" + interval;
  }

  static String escalation(String target) {
    return target == null || target.isBlank() ? NEVER : "R" + ESCALATIONS + "/" + target;
  }

  /** The decision table's value for the highest priority, so the DMN stays the one source. */
  private String worstCase(String output) {
    String table = model.latestDecisionId(IncidentProcess.PRIORITY_DECISION_KEY);
    Map<String, Object> worst = worstCaseByTable.computeIfAbsent(table, id -> Collections.unmodifiableMap(model.decide(
        id,
        Map.of(
            Variables.IMPORTANCE, Importance.HIGH.name(),
            Variables.URGENCY, Urgency.URGENT.name(),
            Variables.PROVISIONAL_SCOPE, Scope.ALL.name()))));
    return (String) worst.get(output);
  }
}
