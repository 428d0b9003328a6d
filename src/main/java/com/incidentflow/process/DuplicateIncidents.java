package com.incidentflow.process;

import com.incidentflow.process.engine.IncidentComments;
import com.incidentflow.process.engine.IncidentHistory;
import com.incidentflow.process.engine.IncidentRef;
import org.springframework.stereotype.Service;

/**
 * Links an incident that is already handled elsewhere (別件で対応中) to the incident handling it: a
 * comment on each, so both timelines show the link.
 */
@Service
public class DuplicateIncidents {

  private final IncidentHistory incidents;
  private final IncidentComments comments;

  public DuplicateIncidents(IncidentHistory incidents, IncidentComments comments) {
    this.incidents = incidents;
    this.comments = comments;
  }

  public void link(String duplicateNumber, String duplicateInstanceId, String handledIn) {
    IncidentRef original =
        incidents
            .find(handledIn)
            .orElseThrow(() -> new IllegalStateException("No incident " + handledIn + " exists"));
    comments.add(
        duplicateInstanceId, handledIn + " で対応中 / Already handled in " + handledIn);
    comments.add(
        original.processInstanceId(),
        duplicateNumber + " はこの障害の重複として終了 / " + duplicateNumber + " was closed as a duplicate of this incident");
  }
}
