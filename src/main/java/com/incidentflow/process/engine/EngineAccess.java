package com.incidentflow.process.engine;

import com.incidentflow.process.IncidentProcess;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The places where the app decides access itself instead of leaving it to the engine's checks,
 * kept in one engine-specific class: whether the caller may read incidents at all, and running a
 * piece of work without the engine's per-row checks once the app has decided.
 */
@Component
public class EngineAccess {

  private final ProcessEngineConfigurationImpl configuration;
  private final IdentityService identity;
  private final AuthorizationService authorizations;

  public EngineAccess(ProcessEngine engine, IdentityService identity, AuthorizationService authorizations) {
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.identity = identity;
    this.authorizations = authorizations;
  }

  /** Who calls; empty for the engine itself (job executor, a webhook authenticated by its token). */
  public Optional<CurrentUser> currentUser() {
    Authentication caller = identity.getCurrentAuthentication();
    return caller == null || caller.getUserId() == null
        ? Optional.empty()
        : Optional.of(new CurrentUser(caller.getUserId(), caller.getGroupIds()));
  }

  /** Makes the user the engine's current user on this thread, until {@link #forgetCurrentUser()}. */
  public void actAs(CurrentUser user, List<String> tenants) {
    identity.setAuthentication(user.id(), user.groups(), tenants);
  }

  public void forgetCurrentUser() {
    identity.clearAuthentication();
  }

  /** Who calls, or null for the engine itself (job executor, a webhook authenticated by its token). */
  public String currentUserId() {
    Authentication caller = identity.getCurrentAuthentication();
    return caller == null ? null : caller.getUserId();
  }

  /** The caller may read every incident's history (engineers, managers, CS, admins). */
  public boolean mayReadAllIncidents() {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || !configuration.isAuthorizationEnabled()) {
      return true; // the engine used directly, as the job executor and tests do
    }
    return authorizations.isUserAuthorized(
        caller.getUserId(), caller.getGroupIds(), Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, IncidentProcess.PROCESS_KEY);
  }

  /** The caller may report an incident: start the incident process (every worker; not a bare login). */
  public boolean mayReport() {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || !configuration.isAuthorizationEnabled()) {
      return true; // the engine used directly, or a webhook authenticated by its token
    }
    return authorizations.isUserAuthorized(
            caller.getUserId(), caller.getGroupIds(), ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
            IncidentProcess.PROCESS_KEY)
        && authorizations.isUserAuthorized(caller.getUserId(), caller.getGroupIds(), Permissions.CREATE, Resources.PROCESS_INSTANCE);
  }

  /**
   * Takes one task away from one user, whatever their groups allow: they can neither see, claim,
   * complete nor read or change its variables, through Tasklist or the REST API (four eyes).
   */
  public void keepTaskFrom(String userId, String taskId) {
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(userId);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(taskId);
    for (Permission permission : new Permission[] {
        Permissions.READ, Permissions.UPDATE, TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN,
        TaskPermissions.READ_VARIABLE, TaskPermissions.UPDATE_VARIABLE}) {
      revoke.removePermission(permission);
    }
    authorizations.saveAuthorization(revoke);
  }

  /** The refusal the engine gives when the user's groups may not do something (answered 403). */
  public RuntimeException denied(String message) {
    return new AuthorizationException(message);
  }

  /**
   * Runs work as the engine itself, without the caller's authentication: for native queries, which
   * Camunda allows only to administrators however checks are switched. The caller decided access.
   */
  public <T> T asEngine(Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  /** Runs work in one transaction without the engine's authorization checks; the caller decided. */
  public <T> T withoutAuthorizationChecks(Supplier<T> work) {
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      context.disableAuthorizationCheck();
      return work.get();
    });
  }
}
