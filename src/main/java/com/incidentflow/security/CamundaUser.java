package com.incidentflow.security;

import java.util.List;

/**
 * Who a request is, as Camunda's identity service knows them: the principal of a Spring Security
 * authentication, handed to the engine by {@link EngineAuthenticationFilter}.
 */
public record CamundaUser(String id, List<String> groups, List<String> tenants) {

  /** Authorities carry the group ids with a prefix, so no group can pass for a token's authority. */
  public static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

  public static String authority(String group) {
    return GROUP_AUTHORITY_PREFIX + group;
  }

  @Override
  public String toString() {
    return id;
  }
}
