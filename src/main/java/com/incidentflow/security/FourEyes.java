package com.incidentflow.security;

import com.incidentflow.process.IncidentProcess.Variables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The reviewer of a fix is someone other than its author (SPEC §2 step 10). The model records who
 * completed the fix ({@code ${fourEyes.recordAuthor(task)}}) and, when a review task is created,
 * takes that task away from the author ({@code ${fourEyes.excludeAuthor(task)}}): the author can
 * neither see, claim nor complete it, through Tasklist or the REST API, whatever their groups.
 */
@Component("fourEyes")
public class FourEyes {

  private final IdentityService identity;
  private final Authorizations authorizations;

  public FourEyes(IdentityService identity, Authorizations authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  public void recordAuthor(DelegateTask fix) {
    fix.setVariable(Variables.FIXED_BY, actor(fix));
  }

  public void excludeAuthor(DelegateTask review) {
    String author = (String) review.getVariable(Variables.FIXED_BY);
    if (author != null) {
      authorizations.revokeUser(
          author, Resources.TASK, review.getId(),
          Permissions.READ, Permissions.UPDATE, TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN,
          TaskPermissions.READ_VARIABLE, TaskPermissions.UPDATE_VARIABLE);
    }
  }

  /** Who completes a task: the logged-in user, or the assignee when the engine is used directly. */
  public String actor(DelegateTask task) {
    Authentication current = identity.getCurrentAuthentication();
    return current != null && current.getUserId() != null ? current.getUserId() : task.getAssignee();
  }
}
