package com.incidentflow.security;

import java.util.List;
import java.util.Set;

/** Camunda group ids of the role model (SPEC §1). */
public final class Groups {

  public static final String ENGINEERS = "engineers";
  public static final String MANAGERS = "managers";
  public static final String CS = "cs";
  public static final String FRONTEND = "frontend";
  public static final String BACKEND = "backend";
  public static final String INFRA = "infra";
  public static final String INCIDENT_ADMINS = "incident-admins";

  /** Groups that can be asked for help during an investigation (仲間を集めよう). */
  public static final List<String> SPECIALISTS = List.of(FRONTEND, BACKEND, INFRA);

  /** Read incident metrics: managers watch the process, incident-admins run the tool (SPEC §1). */
  public static final List<String> METRICS_READERS = List.of(MANAGERS, INCIDENT_ADMINS);
  /** May add evidence to any open incident; everyone else only on a step they hold. */
  public static final Set<String> MAY_ALWAYS_ADD_EVIDENCE = Set.of(ENGINEERS, MANAGERS, INCIDENT_ADMINS);

  private Groups() {}
}
