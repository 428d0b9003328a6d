package com.incidentflow.process.engine;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** Starts process instances and tells running ones what happened. */
@Component
public class IncidentRuntime {

  private final RuntimeService runtime;

  public IncidentRuntime(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** A started instance: its id, and its business key (an incident's number, given by its start event). */
  public record Started(String processInstanceId, String businessKey) {}

  /** Starts the latest version of the process, as the current user (their authorizations apply). */
  public Started start(String processKey, Map<String, Object> variables) {
    ProcessInstance instance = runtime.startProcessInstanceByKey(processKey, variables);
    return new Started(instance.getId(), instance.getBusinessKey());
  }

  /**
   * Starts a process from within a step of another, in the step's transaction and without the
   * person's authorization checks: the step decided, the person needs no rights on what it starts.
   */
  public void startFromStep(String processKey, String businessKey, Map<String, Object> variables) {
    CommandContext inStep = Context.getCommandContext();
    if (inStep == null) {
      throw new IllegalStateException(processKey + " is started by a step of a process, inside its transaction");
    }
    inStep.runWithoutAuthorization(() -> runtime.startProcessInstanceByKey(processKey, businessKey, variables));
  }

  /** Whether the instance waits for the message now (a failed correlation would mark the transaction rollback-only). */
  public boolean waitsFor(String processInstanceId, String message) {
    return runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId).eventName(message).count() > 0;
  }

  /**
   * Sets a variable of the instance from outside its steps: only such a change starts the model's
   * conditional events (one made inside a task's update does not).
   */
  public void setVariable(String processInstanceId, String name, Object value) {
    runtime.setVariable(processInstanceId, name, value);
  }

  /** Delivers the message to the instance, setting the variable first. */
  public void correlate(String processInstanceId, String message, String variable, Object value) {
    runtime.createMessageCorrelation(message).processInstanceId(processInstanceId).setVariable(variable, value).correlateWithResult();
  }
}
