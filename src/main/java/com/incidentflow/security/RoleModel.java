package com.incidentflow.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;

import com.incidentflow.process.IncidentProcess;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Service;

/**
 * Who may do what (SPEC §1), as Camunda authorizations. Work on tasks follows the candidate groups
 * of the model: the engine grants a task to its candidate group when the task is created, so nobody
 * sees, claims or completes a step outside their groups. Applied on every start; idempotent. Other
 * grants of the app (Tasklist's filters) go through {@link #grantGroup} too.
 */
@Service
public class RoleModel {

  /** Everyone who works incidents: may report one and use Tasklist. */
  static final List<String> WORKERS =
      List.of(Groups.ENGINEERS, Groups.MANAGERS, Groups.CS, Groups.FRONTEND, Groups.BACKEND, Groups.INFRA);

  /** Read whole incidents: engineers work them, managers judge them, CS tell clients about them. */
  static final List<String> INCIDENT_READERS = List.of(Groups.ENGINEERS, Groups.MANAGERS, Groups.CS);

  static final List<String> DECISIONS = List.of(IncidentProcess.PRIORITY_DECISION_KEY, "priority-level");

  private final AuthorizationService authorizations;

  public RoleModel(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  public void apply() {
    for (String group : WORKERS) {
      grant(group, Resources.APPLICATION, "tasklist", ACCESS);
      grant(group, Resources.PROCESS_DEFINITION, IncidentProcess.PROCESS_KEY, READ, CREATE_INSTANCE);
      grant(group, Resources.PROCESS_INSTANCE, "*", CREATE);
      // Tasklist shows who holds a step and which group it belongs to.
      grant(group, Resources.USER, "*", READ);
      grant(group, Resources.GROUP, "*", READ);
    }
    for (String group : INCIDENT_READERS) {
      grant(group, Resources.PROCESS_DEFINITION, IncidentProcess.PROCESS_KEY, READ_INSTANCE, READ_HISTORY);
    }
    grant(Groups.MANAGERS, Resources.APPLICATION, "cockpit", ACCESS);
    for (String decision : DECISIONS) {
      grant(Groups.MANAGERS, Resources.DECISION_DEFINITION, decision, READ, org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY);
    }
    for (Resource resource : Resources.values()) {
      grant(Groups.INCIDENT_ADMINS, resource, "*", ALL);
    }
  }

  private void grant(String group, Resource resource, String id, Permission... permissions) {
    grantGroup(group, resource, id, permissions);
  }

  /** Makes sure group holds at least these permissions on the resource; never narrows a grant. */
  public void grantGroup(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization grant =
        authorizations.createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .groupIdIn(group)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    if (grant == null) {
      grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(group);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
    }
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }
}
