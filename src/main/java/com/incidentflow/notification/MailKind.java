package com.incidentflow.notification;

import com.incidentflow.process.IncidentProcess.Variables;
import java.util.List;

/** Every hand-over that is announced by e-mail, with the facts its readers need. */
public enum MailKind {
  MANAGER_REPORT(
      "managerReport",
      List.of(
          Variables.OCCURRED_AT, Variables.REPORT_SOURCE, Variables.CLIENTS_REPORTED,
          Variables.USER_ACTION, Variables.SCREEN_SHOWN, Variables.ERROR_TEXT, Variables.URL,
          Variables.RECENT_CHANGE, Variables.RECENT_CHANGE_DESCRIPTION, Variables.RECENT_CHANGE_BY,
          Variables.SUSPECTED_CHANGE, Variables.PROVISIONAL_SCOPE, Variables.PROVISIONAL_CLIENTS, Variables.PROVISIONAL_IMPACT,
          Variables.ALERT_SEVERITY, Variables.SUGGESTED_IMPORTANCE)),
  PRIORITY_DECIDED(
      "priorityDecided",
      List.of(
          Variables.PRIORITY, Variables.IMPORTANCE, Variables.IMPORTANCE_REASON, Variables.URGENCY,
          Variables.URGENCY_REASON, Variables.CLIENT_DEADLINE, Variables.PROVISIONAL_SCOPE,
          Variables.PROVISIONAL_IMPACT, Variables.FIRST_RESPONSE_TARGET,
          Variables.STATUS_UPDATE_INTERVAL, Variables.RESOLVE_TARGET)),
  CHANGE_AUTHOR_ASKED(
      "changeAuthorAsked",
      List.of(
          Variables.SUSPECTED_CHANGE, Variables.OCCURRED_AT, Variables.USER_ACTION, Variables.SCREEN_SHOWN,
          Variables.ERROR_TEXT, Variables.URL)),
  HELP_REQUESTED(
      "helpRequested",
      List.of(
          Variables.PRIORITY, Variables.HELP_REQUEST, Variables.INVESTIGATION_NOTES,
          Variables.ERROR_TEXT, Variables.URL, Variables.USER_ACTION)),
  IMPACT_REPORTED(
      "impactReported",
      List.of(
          Variables.PRIORITY, Variables.FINAL_SCOPE, Variables.AFFECTED_CLIENT_LIST,
          Variables.IMPACT_DESCRIPTION, Variables.ROOT_CAUSE, Variables.NEXT_ACTIONS,
          Variables.ETA)),
  JUDGEMENT_OVERDUE(
      "judgementOverdue",
      List.of(
          Variables.JUDGEMENT_TARGET, Variables.OCCURRED_AT, Variables.PROVISIONAL_SCOPE,
          Variables.PROVISIONAL_CLIENTS, Variables.PROVISIONAL_IMPACT, Variables.IMPORTANCE)),
  FIRST_RESPONSE_OVERDUE(
      "firstResponseOverdue",
      List.of(
          Variables.PRIORITY, Variables.FIRST_RESPONSE_TARGET, Variables.URGENCY_REASON,
          Variables.CLIENT_DEADLINE, Variables.PROVISIONAL_IMPACT)),
  STATUS_UPDATE_DUE(
      "statusUpdateDue",
      List.of(
          Variables.PRIORITY, Variables.STATUS_UPDATE_INTERVAL, Variables.NEXT_ACTIONS,
          Variables.ETA, Variables.RESOLVE_TARGET)),
  ETA_CHANGED(
      "etaChanged",
      List.of(
          Variables.PRIORITY, Variables.ETA, Variables.NEXT_ACTIONS, Variables.CLIENT_DEADLINE,
          Variables.PROVISIONAL_CLIENTS, Variables.AFFECTED_CLIENT_LIST)),
  ALERT_RESOLVED(
      "alertResolved",
      List.of(
          Variables.ALERT_RESOLVED_AT, Variables.PRIORITY, Variables.ALERT_SEVERITY, Variables.NEXT_ACTIONS,
          Variables.ETA)),
  RESOLVED(
      "resolved",
      List.of(
          Variables.PRIORITY, Variables.AFFECTED_CLIENT_LIST, Variables.ROOT_CAUSE,
          Variables.FIX_DESCRIPTION, Variables.CHANGE_LINK, Variables.TESTS_ADDED));

  private final String messageKey;
  private final List<String> facts;

  MailKind(String messageKey, List<String> facts) {
    this.messageKey = messageKey;
    this.facts = facts;
  }

  /** Prefix of this kind's texts in i18n/mail*.properties. */
  public String messageKey() {
    return messageKey;
  }

  public List<String> facts() {
    return facts;
  }
}
