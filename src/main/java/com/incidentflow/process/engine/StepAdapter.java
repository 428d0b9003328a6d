package com.incidentflow.process.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The one class the engine calls for our service tasks and listeners: it maps the engine's execution
 * or task to a {@link StepContext} and runs the {@link ProcessStep}. Declared as a bean under the name
 * the model's {@code camunda:delegateExpression} uses (e.g. {@code sendManagerReportDelegate}).
 */
public final class StepAdapter implements JavaDelegate, ExecutionListener, TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessStep step;

  private StepAdapter(ProcessStep step) {
    this.step = step;
  }

  public static StepAdapter of(ProcessStep step) {
    return new StepAdapter(step);
  }

  /** The engine's execution or task as a step sees it (for the model's expressions, {@link ModelExpressions}). */
  static StepContext contextOf(VariableScope scope) {
    if (scope instanceof DelegateTask task) {
      return new OnTask(task);
    }
    if (scope instanceof DelegateExecution execution) {
      return new OnExecution(execution);
    }
    throw new IllegalArgumentException("Neither an execution nor a task: " + scope);
  }

  /** The engine's JSON value as Jackson's tree (Spin's JSON is Jackson's underneath); anything else as it is. */
  static Object formValue(Object value) {
    if (!(value instanceof SpinJsonNode json)) {
      return value;
    }
    if (json.unwrap() instanceof JsonNode tree) {
      return tree;
    }
    try {
      return JSON.readTree(json.toString());
    } catch (JsonProcessingException notJackson) {
      throw new IllegalStateException("A JSON variable that is not JSON: " + notJackson.getOriginalMessage(), notJackson);
    }
  }

  @Override
  public void execute(DelegateExecution execution) {
    step.run(new OnExecution(execution));
  }

  @Override
  public void notify(DelegateExecution execution) {
    step.run(new OnExecution(execution));
  }

  @Override
  public void notify(DelegateTask task) {
    step.run(new OnTask(task));
  }

  private record OnExecution(DelegateExecution execution) implements StepContext {

    @Override
    public Object variable(String name) {
      return execution.getVariable(name);
    }

    @Override
    public Object value(String name) {
      return formValue(execution.getVariable(name));
    }

    @Override
    public void setVariable(String name, Object value) {
      execution.setVariable(name, value);
    }

    @Override
    public void setJsonVariable(String name, String json) {
      execution.setVariable(name, SpinValues.jsonValue(json).create());
    }

    @Override
    public String processInstanceId() {
      return execution.getProcessInstanceId();
    }

    @Override
    public String activityName() {
      return execution.getCurrentActivityName();
    }

    @Override
    public String activityId() {
      return execution.getCurrentActivityId();
    }

    @Override
    public String formId() {
      FlowElement element = execution.getBpmnModelElementInstance();
      if (element instanceof UserTask task) {
        return task.getCamundaFormRef();
      }
      return element instanceof StartEvent start ? start.getCamundaFormRef() : null;
    }

    @Override
    public boolean isCanceled() {
      return execution.isCanceled();
    }

    @Override
    public void setBusinessKey(String businessKey) {
      execution.setProcessBusinessKey(businessKey);
    }

    @Override
    public <T> T withoutAuthorization(Supplier<T> work) {
      return Context.getCommandContext().runWithoutAuthorization(work::get);
    }
  }

  private record OnTask(DelegateTask task) implements StepContext {

    @Override
    public Object variable(String name) {
      return task.getVariable(name);
    }

    @Override
    public Object value(String name) {
      return formValue(task.getVariable(name));
    }

    @Override
    public void setVariable(String name, Object value) {
      task.setVariable(name, value);
    }

    @Override
    public void setJsonVariable(String name, String json) {
      task.setVariable(name, SpinValues.jsonValue(json).create());
    }

    @Override
    public String processInstanceId() {
      return task.getProcessInstanceId();
    }

    @Override
    public String activityName() {
      return task.getName();
    }

    @Override
    public String activityId() {
      return task.getTaskDefinitionKey();
    }

    @Override
    public String formId() {
      return task.getBpmnModelElementInstance() == null ? null : task.getBpmnModelElementInstance().getCamundaFormRef();
    }

    @Override
    public boolean isCanceled() {
      return false;
    }

    @Override
    public void setBusinessKey(String businessKey) {
      throw new UnsupportedOperationException("A task cannot set its incident's business key");
    }

    @Override
    public <T> T withoutAuthorization(Supplier<T> work) {
      return Context.getCommandContext().runWithoutAuthorization(work::get);
    }
  }
}
