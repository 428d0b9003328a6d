package com.incidentflow.process;

import com.incidentflow.process.IncidentDirectory.IncidentRef;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;

/**
 * Links an incident that is already handled elsewhere (別件で対応中) to the incident handling it: a
 * comment on each, so both timelines show the link.
 */
@Service
public class DuplicateIncidents {

  private final IncidentDirectory incidents;
  private final TaskService tasks;

  public DuplicateIncidents(IncidentDirectory incidents, TaskService tasks) {
    this.incidents = incidents;
    this.tasks = tasks;
  }

  public void link(String duplicateNumber, String duplicateInstanceId, String handledIn) {
    IncidentRef original =
        incidents
            .find(handledIn)
            .orElseThrow(() -> new IllegalStateException("No incident " + handledIn + " exists"));
    tasks.createComment(
        null, duplicateInstanceId, handledIn + " で対応中 / Already handled in " + handledIn);
    tasks.createComment(
        null,
        original.processInstanceId(),
        duplicateNumber + " はこの障害の重複として終了 / " + duplicateNumber + " was closed as a duplicate of this incident");
  }
}
