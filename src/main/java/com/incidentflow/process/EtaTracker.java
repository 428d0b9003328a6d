package com.incidentflow.process;

import com.incidentflow.config.TeamSettings;
import com.incidentflow.process.IncidentProcess.Variables;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import com.incidentflow.process.engine.IncidentRuntime;
import com.incidentflow.process.engine.StepContext;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The ETA (TODOと予定) is one value seen in two places: the {@code eta} variable the forms edit, and
 * the due date of the steps that carry it in Tasklist. A new step starts with the ETA as its due
 * date ({@code ${etaTracker.dueDate(execution)}}); moving the due date in Tasklist changes the ETA
 * ({@code ${etaTracker.dueDateChanged(task)}}), which records it and tells CS. The model's expressions
 * reach it through process.engine.ModelExpressions, which holds the bean name the model uses.
 */
// The model's bean name belongs to its expression (process.engine.ModelExpressions).
@Component("etaTrackerRules")
public class EtaTracker {

  private static final DateTimeFormatter ISO_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmXXX");

  private final TeamSettings team;
  private final IncidentRuntime runtime;

  public EtaTracker(TeamSettings team, IncidentRuntime runtime) {
    this.team = team;
    this.runtime = runtime;
  }

  public Date dueDate(StepContext incident) {
    String eta = incident.text(Variables.ETA);
    return eta == null ? null : parse(eta);
  }

  /** The step's due date was set to {@code due} (null when cleared, which leaves the ETA as it is). */
  public void dueDateChanged(StepContext task, Date due) {
    if (due == null) {
      return;
    }
    if (!due.equals(dueDate(task))) {
      // Set from outside the task: only then does a variable change start the model's
      // conditional "ETA changed" event; a change made inside a task update does not.
      runtime.setVariable(task.processInstanceId(), Variables.ETA, due.toInstant().atZone(team.zone()).format(ISO_MINUTES));
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
