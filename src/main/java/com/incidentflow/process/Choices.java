package com.incidentflow.process;

/**
 * The values a form's select or radio may submit. The forms list the same names; the model test
 * keeps both in step.
 */
public final class Choices {

  private Choices() {}

  public enum ReportSource { CLIENT, CS, MONITORING, ENGINEER, OTHER }

  public enum RecentChange { YES, NO, UNKNOWN }

  /**
   * The suspected changes' checklist offers this incident's changes (their ids) and, last, this:
   * none of them is related.
   */
  public static final String NONE_RELATED = "NONE";

  /** ALL raises the priority one level (SPEC §3). */
  public enum Scope { ALL, SOME, ONE, UNKNOWN, NONE }

  public enum Importance { HIGH, MEDIUM, LOW, ALREADY_HANDLED }

  public enum Urgency { URGENT, NOT_URGENT }

  public enum Priority { P1, P2, P3, P4 }

  public enum FirstResponseResult { MITIGATED, PARTLY_MITIGATED, NOT_MITIGATED }

  public enum InvestigationOutcome { ROOT_CAUSE_REPRODUCED, ROOT_CAUSE_NOT_REPRODUCED, HELP_NEEDED }

  public enum ContactChannel { PHONE, EMAIL, MEETING, OTHER }

  public enum ReviewDecision { APPROVED, REJECTED }
}
