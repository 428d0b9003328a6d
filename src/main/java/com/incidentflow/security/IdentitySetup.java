package com.incidentflow.security;

import com.incidentflow.process.engine.UserDirectory;
import java.util.Map;
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

  private final UserDirectory people;

  public IdentitySetup(UserDirectory people) {
    this.people = people;
  }

  public void ensureGroups() {
    GROUPS.forEach(
        (id, name) -> people.ensureGroup(id, name, "WORKFLOW"));
  }

  public void ensureMember(String userId, String groupId) {
    people.ensureMember(userId, groupId);
  }
}
