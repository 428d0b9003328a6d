package com.incidentflow.process.step;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts server-side validation on every user task and on the process start, so that a step added to
 * the model later is validated without anyone remembering to wire it. Runs first among listeners.
 */
@Component
public class StepValidationPlugin extends AbstractProcessEnginePlugin {

  private final ExecutionListener listener;

  /** Lazy: the listener needs engine services, and the engine needs this plugin first. */
  public StepValidationPlugin(ObjectProvider<StepValidationListener> listener) {
    this.listener = (DelegateExecution execution) -> listener.getObject().notify(execution);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> parseListeners = configuration.getCustomPreBPMNParseListeners();
    if (parseListeners == null) {
      parseListeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(parseListeners);
    }
    parseListeners.add(new ValidationParseListener());
  }

  private final class ValidationParseListener extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      activity.addListener(ExecutionListener.EVENTNAME_END, listener, 0);
    }

    @Override
    public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl start) {
      if (start.getFlowScope() == start.getProcessDefinition()) {
        start.addListener(ExecutionListener.EVENTNAME_START, listener, 0);
      }
    }
  }
}
