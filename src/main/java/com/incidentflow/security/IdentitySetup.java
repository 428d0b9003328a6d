package com.incidentflow.security;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;

/** Creates the role model's groups (SPEC §1) on every start; existing ones are left as they are. */
@Service
public class IdentitySetup {

  static final Map<String, String> GROUPS =
      Map.of(
          Groups.ENGINEERS, "Engineers (エンジニア)",
          Groups.MANAGERS, "Managers (上長)",
          Groups.CS, "Customer success (CS)",
          Groups.FRONTEND, "Frontend specialists (フロントエンド)",
          Groups.BACKEND, "Backend specialists (バックエンド)",
          Groups.INFRA, "Infrastructure specialists (インフラ)",
          Groups.INCIDENT_ADMINS, "Incident Flow operators (管理者)");

  private final IdentityService identity;

  public IdentitySetup(IdentityService identity) {
    this.identity = identity;
  }

  public void ensureGroups() {
    GROUPS.forEach(
        (id, name) -> {
          if (identity.createGroupQuery().groupId(id).singleResult() == null) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
          }
        });
  }

  public void ensureMember(String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }
}
