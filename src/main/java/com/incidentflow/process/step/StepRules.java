package com.incidentflow.process.step;

import static com.incidentflow.process.Choices.NONE_RELATED;

import com.incidentflow.api.FieldProblem;
import com.incidentflow.process.Choices.Importance;
import com.incidentflow.process.Choices.InvestigationOutcome;
import com.incidentflow.process.Choices.RecentChange;
import com.incidentflow.process.Choices.ReviewDecision;
import com.incidentflow.process.Choices.Scope;
import com.incidentflow.process.ClientList;
import com.incidentflow.process.IncidentProcess.Forms;
import com.incidentflow.process.IncidentProcess.Variables;
import com.incidentflow.process.engine.IncidentHistory;
import com.incidentflow.process.number.IncidentNumberService;
import com.incidentflow.security.Groups;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Rules that tie one answer of a step to another ("if help is needed, say from whom"). The forms
 * show and hide fields accordingly; these rules hold on the server whatever the client sends.
 */
@Component
public class StepRules {

  private final IncidentHistory incidents;

  public StepRules(IncidentHistory incidents) {
    this.incidents = incidents;
  }

  public List<FieldProblem> check(StepForm form, StepValues values, String incidentNumber, String actor) {
    List<FieldProblem> problems = new ArrayList<>();
    Checks checks = new Checks(form, values, problems);
    switch (form.id()) {
      case Forms.CONFIRM_SITUATION -> {
        List<String> marked = values.list(Variables.SUSPECTED_CHANGES);
        boolean changeMarked = marked.stream().anyMatch(v -> !NONE_RELATED.equals(v));
        if (!values.choices(Variables.RECENT_CHANGE_OPTIONS).isEmpty() && marked.isEmpty()) {
          problems.add(new FieldProblem(Variables.SUSPECTED_CHANGES, "'" + form.labelOf(Variables.SUSPECTED_CHANGES)
              + "' is required: mark the suspected changes, or that none of them is related"));
        }
        if (changeMarked && marked.contains(NONE_RELATED)) {
          problems.add(new FieldProblem(Variables.SUSPECTED_CHANGES, "'" + form.labelOf(Variables.SUSPECTED_CHANGES)
              + "': a change cannot be suspected and none be related at once"));
        }
        if (changeMarked && !values.is(Variables.RECENT_CHANGE, RecentChange.YES)) {
          problems.add(new FieldProblem(Variables.RECENT_CHANGE,
              "'" + form.labelOf(Variables.RECENT_CHANGE) + "' must be Yes when a change is marked as suspected"));
        }
        // A suspected change from the feed says which change and who made it.
        if (values.is(Variables.RECENT_CHANGE, RecentChange.YES) && !changeMarked) {
          checks.required(Variables.RECENT_CHANGE_DESCRIPTION, "when a related change was made");
          checks.required(Variables.RECENT_CHANGE_BY, "when a related change was made");
        }
      }
      case Forms.JUDGE_IMPORTANCE -> {
        if (values.is(Variables.IMPORTANCE, Importance.ALREADY_HANDLED)) {
          checks.required(Variables.DUPLICATE_OF, "when the incident is already being handled");
          checkDuplicateOf(values.text(Variables.DUPLICATE_OF), incidentNumber, form, problems);
        }
      }
      case Forms.INVESTIGATE -> {
        if (values.is(Variables.INVESTIGATION_OUTCOME, InvestigationOutcome.HELP_NEEDED)) {
          checks.required(Variables.HELP_GROUP, "when help is needed");
          checks.required(Variables.HELP_REQUEST, "when help is needed");
          String group = values.text(Variables.HELP_GROUP);
          if (group != null && !group.isBlank() && !Groups.SPECIALISTS.contains(group)) {
            problems.add(new FieldProblem(Variables.HELP_GROUP,
                "'" + form.labelOf(Variables.HELP_GROUP) + "' must be one of " + Groups.SPECIALISTS));
          }
        } else if (!values.isBlank(Variables.INVESTIGATION_OUTCOME)) {
          checks.required(Variables.ROOT_CAUSE, "when the root cause was found");
        }
      }
      case Forms.CONFIRM_IMPACT -> {
        if (!values.isBlank(Variables.FINAL_SCOPE)
            && !values.is(Variables.FINAL_SCOPE, Scope.NONE)
            && ClientList.parse(values.text(Variables.AFFECTED_CLIENTS)).isEmpty()) {
          problems.add(new FieldProblem(Variables.AFFECTED_CLIENTS,
              "'" + form.labelOf(Variables.AFFECTED_CLIENTS) + "' needs at least one client unless no client is affected"));
        }
      }
      case Forms.REVIEW_FIX -> {
        // Four eyes: the engine also keeps the review task from the fix's author (FourEyes).
        if (actor != null && actor.equals(values.text(Variables.FIXED_BY))) {
          // Not one field's: the step itself is the wrong person's.
          problems.add(FieldProblem.whole("The fix must be reviewed by someone other than its author (" + actor + ")"));
        }
        if (values.is(Variables.REVIEW_DECISION, ReviewDecision.REJECTED)) {
          checks.required(Variables.REVIEW_COMMENTS, "when the fix is rejected");
        }
        if (values.is(Variables.REVIEW_DECISION, ReviewDecision.APPROVED)
            && !Boolean.TRUE.equals(values.get(Variables.REGRESSION_CHECKED))) {
          problems.add(new FieldProblem(Variables.REGRESSION_CHECKED,
              "'" + form.labelOf(Variables.REGRESSION_CHECKED) + "' must be confirmed to approve"));
        }
      }
      default -> {
        // no rules beyond the form's own
      }
    }
    return problems;
  }

  private void checkDuplicateOf(
      String other, String incidentNumber, StepForm form, List<FieldProblem> problems) {
    if (other == null || other.isBlank()) {
      return;
    }
    String label = form.labelOf(Variables.DUPLICATE_OF);
    String number = other.trim();
    if (!IncidentNumberService.FORMAT.matcher(number).matches()) {
      problems.add(new FieldProblem(Variables.DUPLICATE_OF, "'" + label + "' must be an incident number such as INC-2026-0042"));
    } else if (number.equals(incidentNumber)) {
      problems.add(new FieldProblem(Variables.DUPLICATE_OF, "'" + label + "' must name another incident, not this one"));
    } else {
      var found = incidents.find(number);
      if (found.isEmpty()) {
        problems.add(new FieldProblem(Variables.DUPLICATE_OF, "'" + label + "': no incident " + number + " exists"));
      } else if (!found.get().open()) {
        problems.add(new FieldProblem(Variables.DUPLICATE_OF, "'" + label + "': " + number + " is already closed, so it is not being handled"));
      }
    }
  }

  private record Checks(StepForm form, StepValues values, List<FieldProblem> problems) {
    void required(String key, String when) {
      if (values.isBlank(key)) {
        problems.add(new FieldProblem(key, "'" + form.labelOf(key) + "' is required " + when));
      }
    }
  }
}
