package com.incidentflow.timeline;

import com.incidentflow.api.ApiException;
import com.incidentflow.api.FieldProblem;
import com.incidentflow.api.InvalidRequestException;
import com.incidentflow.process.engine.EngineAccess;
import com.incidentflow.process.engine.IncidentComments;
import com.incidentflow.process.engine.IncidentHistory;
import com.incidentflow.process.engine.IncidentParticipants;
import com.incidentflow.process.engine.IncidentRef;
import com.incidentflow.security.Groups;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Adds evidence (前提・調査・考察・試したこと) to an incident's trail. Engineers and managers may add
 * to any open incident; everyone else (CS, specialists) only while they hold one of its open steps,
 * and the entry then belongs to that step.
 */
@Service
public class EvidenceService {

  public static final int MAX_LENGTH = 4000;
  static final Set<String> MAY_ALWAYS_ADD = Groups.MAY_ALWAYS_ADD_EVIDENCE;

  private final IncidentHistory incidents;
  private final IncidentParticipants participants;
  private final IncidentComments comments;
  private final EngineAccess engine;

  public EvidenceService(IncidentHistory incidents, IncidentParticipants participants, IncidentComments comments, EngineAccess engine) {
    this.incidents = incidents;
    this.participants = participants;
    this.comments = comments;
    this.engine = engine;
  }

  public void add(String number, EvidenceKind kind, String text, String user, List<String> groups) {
    if (text == null || text.isBlank()) {
      throw new InvalidEvidence("text", "must not be empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidEvidence("text", "must be at most " + MAX_LENGTH + " characters");
    }
    // The rule below is this service's own, so it runs without the engine's checks: those would
    // hide the incident from a specialist holding its help step, and would ask for update rights
    // on the whole incident to comment on it.
    engine.withoutAuthorizationChecks(() -> {
      IncidentRef incident = incidents.find(number).orElseThrow(() -> new UnknownIncident(number));
      if (!incident.open()) {
        throw new IncidentClosed(number);
      }
      String held = participants.latestStepHeldBy(incident.processInstanceId(), user).orElse(null);
      if (held == null && groups.stream().noneMatch(MAY_ALWAYS_ADD::contains)) {
        throw new NotWorkingOnIt(user, number);
      }
      comments.add(held, incident.processInstanceId(), kind.asComment(text.strip()));
      return null;
    });
  }

  /** No incident has this number, or the caller may not see it; answered 404. */
  public static class UnknownIncident extends ApiException {
    public UnknownIncident(String number) {
      super(HttpStatus.NOT_FOUND, "Incident not found", "No incident " + number + " exists");
    }
  }

  public static class IncidentClosed extends ApiException {
    public IncidentClosed(String number) {
      super(HttpStatus.CONFLICT, "Incident closed", number + " is closed; its evidence trail can no longer change");
    }
  }

  public static class NotWorkingOnIt extends ApiException {
    public NotWorkingOnIt(String user, String number) {
      super(HttpStatus.FORBIDDEN, "Forbidden", user + " may add evidence to " + number + " only while holding one of its open steps");
    }
  }

  public static class InvalidEvidence extends InvalidRequestException {
    public InvalidEvidence(String field, String problem) {
      super(List.of(new FieldProblem(field, problem)));
    }
  }
}
