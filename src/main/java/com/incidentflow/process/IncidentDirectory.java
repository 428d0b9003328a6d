package com.incidentflow.process;

import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/** Finds incidents by their number (the business key of the incident-response process). */
@Service
public class IncidentDirectory {

  private final HistoryService history;

  public IncidentDirectory(HistoryService history) {
    this.history = history;
  }

  public Optional<IncidentRef> find(String number) {
    HistoricProcessInstance instance =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(IncidentProcess.PROCESS_KEY)
            .processInstanceBusinessKey(number)
            .singleResult();
    return Optional.ofNullable(instance)
        .map(i -> new IncidentRef(number, i.getId(), i.getEndTime() == null));
  }

  public record IncidentRef(String number, String processInstanceId, boolean open) {}
}
