package com.incidentflow.metrics;

import com.incidentflow.security.Groups;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who may read incident metrics: managers watch the process, incident-admins run the tool (SPEC §1). */
public final class MetricsAccess {

  public static final Set<String> READER_GROUPS = Set.of(Groups.MANAGERS, Groups.INCIDENT_ADMINS);

  private MetricsAccess() {}

  /** Throws unless the request is authenticated as a member of a reader group. */
  public static void require(Authentication authentication) {
    if (authentication == null || authentication.getUserId() == null) {
      throw new NotAuthenticatedException();
    }
    List<String> groups = authentication.getGroupIds();
    if (groups == null || groups.stream().noneMatch(READER_GROUPS::contains)) {
      throw new NotAllowedException(authentication.getUserId());
    }
  }

  public static final class NotAuthenticatedException extends RuntimeException {
    NotAuthenticatedException() {
      super("Incident metrics need an authenticated user");
    }
  }

  public static final class NotAllowedException extends RuntimeException {
    NotAllowedException(String userId) {
      super("User '" + userId + "' may not read incident metrics: only members of "
          + String.join(" or ", READER_GROUPS.stream().sorted().toList()) + " may");
    }
  }
}
