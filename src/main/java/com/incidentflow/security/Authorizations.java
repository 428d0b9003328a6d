package com.incidentflow.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Service;

/** Grants and revokes in Camunda's authorization model, idempotently. */
@Service
public class Authorizations {

  private final AuthorizationService authorizations;

  public Authorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
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

  /** Takes these permissions on one resource away from one user, whatever their groups allow. */
  public void revokeUser(String user, Resource resource, String resourceId, Permission... permissions) {
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(user);
    revoke.setResource(resource);
    revoke.setResourceId(resourceId);
    for (Permission permission : permissions) {
      revoke.removePermission(permission);
    }
    authorizations.saveAuthorization(revoke);
  }
}
