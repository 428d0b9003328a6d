package com.incidentflow.intake;

import com.incidentflow.intake.IncidentViews.AlertActivity;
import com.incidentflow.intake.IncidentViews.Details;
import com.incidentflow.intake.IncidentViews.Links;
import com.incidentflow.intake.IncidentViews.Step;
import com.incidentflow.intake.alert.AlertGroups;
import com.incidentflow.config.AppLinks;
import com.incidentflow.process.ClientList;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.IncidentHistory;
import com.incidentflow.process.engine.IncidentHistory.Entry;
import com.incidentflow.process.engine.IncidentHistory.OpenStep;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** One incident in full: its values, its open steps and who may take them, its alert, its links. */
@Service
public class IncidentDetailsView {

  /** What the details show; read in one history query. */
  private static final String[] SHOWN =
      {Variables.TITLE, Variables.PRIORITY, Variables.REPORT_SOURCE, Variables.REPORTED_BY, Variables.OCCURRED_AT,
        Variables.ETA, Variables.NEXT_ACTIONS, Variables.CLIENTS_REPORTED, Variables.PROVISIONAL_SCOPE, Variables.PROVISIONAL_CLIENTS,
        Variables.FINAL_SCOPE, Variables.AFFECTED_CLIENTS};

  private final IncidentHistory history;
  private final AlertGroups alertGroups;
  private final AppLinks links;

  public IncidentDetailsView(IncidentHistory history, AlertGroups alertGroups, AppLinks links) {
    this.history = history;
    this.alertGroups = alertGroups;
    this.links = links;
  }

  public Details find(String number) {
    Entry incident = history.entry(number).orElseThrow(() -> new IncidentNotFoundException(number));
    Map<String, Object> v = history.values(List.of(incident.processInstanceId()), SHOWN).getOrDefault(incident.processInstanceId(), Map.of());
    List<Step> steps = history.openSteps(incident.processInstanceId()).stream().map(this::step).toList();
    AlertActivity alert =
        alertGroups
            .findByIncident(number)
            .map(g -> new AlertActivity(g.groupKey(), g.status(), g.repeats(), g.firstSeen(), g.lastSeen()))
            .orElse(null);
    return new Details(
        number,
        text(v, Variables.TITLE),
        state(incident),
        text(v, Variables.PRIORITY),
        text(v, Variables.REPORT_SOURCE),
        text(v, Variables.REPORTED_BY),
        incident.startedAt(),
        incident.endedAt(),
        text(v, Variables.OCCURRED_AT),
        text(v, Variables.ETA),
        text(v, Variables.NEXT_ACTIONS),
        impactScope(v),
        affectedClients(v),
        steps,
        alert,
        new Links(
            IncidentReporting.location(number),
            links.tasklist(),
            links.cockpit(incident.processInstanceId())));
  }

  private Step step(OpenStep task) {
    return new Step(
        task.id(),
        task.key(),
        task.name(),
        task.assignee(),
        task.candidateGroups(),
        task.createdAt(),
        links.task(task.id()));
  }

  /** The confirmed scope once known, else the provisional one. */
  private static String impactScope(Map<String, Object> v) {
    String confirmed = text(v, Variables.FINAL_SCOPE);
    return confirmed != null ? confirmed : text(v, Variables.PROVISIONAL_SCOPE);
  }

  /** The most reliable client list so far: confirmed, else provisional, else as reported. */
  private static List<String> affectedClients(Map<String, Object> v) {
    for (String name : List.of(Variables.AFFECTED_CLIENTS, Variables.PROVISIONAL_CLIENTS, Variables.CLIENTS_REPORTED)) {
      List<String> clients = ClientList.parse(text(v, name));
      if (!clients.isEmpty()) {
        return clients;
      }
    }
    return List.of();
  }

  static String state(Entry incident) {
    return (incident.open() ? IncidentSearch.State.OPEN : IncidentSearch.State.CLOSED).name();
  }

  static String text(Map<String, Object> v, String name) {
    Object value = v.get(name);
    return value == null ? null : value.toString();
  }
}
