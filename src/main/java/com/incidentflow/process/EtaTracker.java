package com.incidentflow.process;

import com.incidentflow.config.TeamSettings;
import com.incidentflow.process.IncidentProcess.Variables;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The ETA (TODOと予定) is one value seen in two places: the {@code eta} variable the forms edit, and
 * the due date of the steps that carry it in Tasklist. A new step starts with the ETA as its due
 * date ({@code ${etaTracker.dueDate(execution)}}); moving the due date in Tasklist changes the ETA
 * ({@code ${etaTracker.dueDateChanged(task)}}), which records it and tells CS.
 */
@Component("etaTracker")
public class EtaTracker {

  private static final DateTimeFormatter ISO_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");

  private final TeamSettings team;

  public EtaTracker(TeamSettings team) {
    this.team = team;
  }

  public Date dueDate(VariableScope incident) {
    Object eta = incident.getVariable(Variables.ETA);
    return eta == null ? null : parse(eta.toString());
  }

  public void dueDateChanged(DelegateTask task) {
    Date due = task.getDueDate();
    if (due == null) {
      return;
    }
    Object eta = task.getVariable(Variables.ETA);
    Date current = eta == null ? null : parse(eta.toString());
    if (!due.equals(current)) {
      // Through the runtime service: only there does a variable change start the model's
      // conditional "ETA changed" event; a change made inside a task update does not.
      task.getProcessEngineServices().getRuntimeService()
          .setVariable(task.getProcessInstanceId(), Variables.ETA, due.toInstant().atZone(team.zone()).format(ISO_MINUTES));
    }
  }

  /** ISO date-times from forms: with an offset, or local to the team's zone. */
  Date parse(String text) {
    try {
      return Date.from(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException withoutOffset) {
      try {
        return Date.from(LocalDateTime.parse(text).atZone(team.zone()).toInstant());
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
