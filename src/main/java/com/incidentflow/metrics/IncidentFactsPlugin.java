package com.incidentflow.metrics;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hands the engine's history events to {@link IncidentFactsRecorder} as well as to its own history
 * writer (a custom handler next to the default database one, which stays enabled).
 */
@Component
public class IncidentFactsPlugin extends AbstractProcessEnginePlugin {

  private final HistoryEventHandler handler;

  /** Lazy: the recorder needs the transaction manager and data source, and the engine needs this plugin first. */
  public IncidentFactsPlugin(ObjectProvider<IncidentFactsRecorder> recorder) {
    this.handler = new HistoryEventHandler() {
      @Override
      public void handleEvent(HistoryEvent event) {
        recorder.getObject().handleEvent(event);
      }

      @Override
      public void handleEvents(List<HistoryEvent> events) {
        recorder.getObject().handleEvents(events);
      }
    };
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers();
    if (handlers == null) {
      handlers = new ArrayList<>();
      configuration.setCustomHistoryEventHandlers(handlers);
    }
    handlers.add(handler);
  }
}
