package com.incidentflow.process;

/**
 * The names the incident-response model, its forms and the code share. A name that code, a form and
 * the BPMN must agree on is spelled here once.
 */
public final class IncidentProcess {

  public static final String PROCESS_KEY = "incident-response";
  public static final String PRIORITY_DECISION_KEY = "incident-priority";

  /**
   * What the system decides or records, never a person: the number, the reporter, the priority and
   * its targets, the ETA last announced, the fix's author, the client list the contact steps are made
   * from. No form may offer them as editable fields (docs/adr/0002).
   */
  public static final java.util.Set<String> SYSTEM_WRITTEN =
      java.util.Set.of(Variables.INCIDENT_NUMBER, Variables.REPORTED_BY, Variables.PRIORITY, Variables.JUDGEMENT_TARGET,
          Variables.FIRST_RESPONSE_TARGET, Variables.STATUS_UPDATE_INTERVAL, Variables.RESOLVE_TARGET, Variables.ANNOUNCED_ETA,
          Variables.FIXED_BY, Variables.AFFECTED_CLIENT_LIST, Variables.CLIENT, Variables.ALERT_SEVERITY,
          Variables.SUGGESTED_IMPORTANCE, Variables.ALERT_RESOLVED_AT);

  private IncidentProcess() {}

  /** Flow-node ids in processes/incident-response.bpmn. */
  public static final class Tasks {
    public static final String START = "StartEvent_IncidentReported";
    public static final String CONFIRM_SITUATION = "UserTask_ConfirmSituation";
    public static final String PROVISIONAL_IMPACT = "UserTask_ProvisionalImpact";
    public static final String REPORT_TO_MANAGER = "ServiceTask_ReportToManager";
    public static final String JUDGE_IMPORTANCE = "UserTask_JudgeImportance";
    public static final String LINK_DUPLICATE = "ServiceTask_LinkDuplicate";
    public static final String END_DUPLICATE = "EndEvent_Duplicate";
    public static final String JUDGE_URGENCY = "UserTask_JudgeUrgency";
    public static final String IMPORTANCE_OVERDUE = "BoundaryEvent_ImportanceOverdue";
    public static final String URGENCY_OVERDUE = "BoundaryEvent_UrgencyOverdue";
    public static final String ESCALATE_JUDGEMENT = "ServiceTask_EscalateJudgement";
    public static final String DECIDE_PRIORITY = "BusinessRuleTask_DecidePriority";
    public static final String ANNOUNCE_PRIORITY = "ServiceTask_AnnouncePriority";
    public static final String RESPONSE = "SubProcess_Response";
    public static final String STATUS_UPDATE_DUE = "BoundaryEvent_StatusUpdateDue";
    public static final String REMIND_STATUS_UPDATE = "ServiceTask_RemindStatusUpdate";
    public static final String FIRST_RESPONSE = "UserTask_FirstResponse";
    public static final String FIRST_RESPONSE_OVERDUE = "BoundaryEvent_FirstResponseOverdue";
    public static final String ESCALATE_FIRST_RESPONSE = "ServiceTask_EscalateFirstResponse";
    public static final String INVESTIGATE = "UserTask_InvestigateRootCause";
    public static final String REQUEST_HELP = "ServiceTask_RequestHelp";
    public static final String SPECIALIST_HELP = "UserTask_SpecialistHelp";
    public static final String CONFIRM_IMPACT = "UserTask_ConfirmImpact";
    public static final String REPORT_IMPACT = "ServiceTask_ReportImpact";
    public static final String CONTACT_CLIENT = "UserTask_ContactClient";
    public static final String PERMANENT_FIX = "UserTask_PermanentFix";
    public static final String REVIEW_FIX = "UserTask_ReviewFix";
    public static final String NOTIFY_RESOLVED = "ServiceTask_NotifyResolved";
    public static final String WRAP_UP = "UserTask_WrapUp";
    public static final String END_RESOLVED = "EndEvent_Resolved";
    public static final String ETA_CHANGED = "StartEvent_EtaChanged";
    public static final String ANNOUNCE_ETA = "ServiceTask_AnnounceEta";
    public static final String ALERT_RESOLVED = "StartEvent_AlertResolved";
    public static final String ANNOUNCE_ALERT_RESOLVED = "ServiceTask_AnnounceAlertResolved";

    private Tasks() {}
  }

  /** Form ids (camunda:formRef) in processes/*.form, each file named after its id. */
  public static final class Forms {
    public static final String INCIDENT_REPORTED = "incident-reported";
    public static final String CONFIRM_SITUATION = "confirm-situation";
    public static final String PROVISIONAL_IMPACT = "provisional-impact";
    public static final String JUDGE_IMPORTANCE = "judge-importance";
    public static final String JUDGE_URGENCY = "judge-urgency";
    public static final String FIRST_RESPONSE = "first-response";
    public static final String INVESTIGATE = "investigate-root-cause";
    public static final String SPECIALIST_HELP = "specialist-help";
    public static final String CONFIRM_IMPACT = "confirm-impact";
    public static final String CONTACT_CLIENT = "contact-client";
    public static final String PERMANENT_FIX = "permanent-fix";
    public static final String REVIEW_FIX = "review-fix";
    public static final String WRAP_UP = "wrap-up";

    private Forms() {}
  }

  /** Messages the model catches. */
  public static final class Messages {
    /** Monitoring reported the alert that opened the incident as resolved. */
    public static final String ALERT_RESOLVED = "alertResolved";

    private Messages() {}
  }

  /** Process variables. Values of choices are the names of the enums in {@link Choices}. */
  public static final class Variables {
    public static final String INCIDENT_NUMBER = "incidentNumber";
    // Incident reported (障害報告)
    public static final String TITLE = "title";
    public static final String REPORTED_BY = "reportedBy";
    public static final String REPORT_SOURCE = "reportSource";
    public static final String CLIENTS_REPORTED = "clientsReported";
    public static final String USER_ACTION = "userAction";
    public static final String SCREEN_SHOWN = "screenShown";
    public static final String URL = "url";
    public static final String SCREENSHOT_URL = "screenshotUrl";
    public static final String ERROR_TEXT = "errorText";
    public static final String OCCURRED_AT = "occurredAt";
    // Set by the alert intake, never by a form: the alert's severity label and the importance it
    // suggests to the managers (shown on Judge importance, never chosen for them)
    public static final String ALERT_SEVERITY = "alertSeverity";
    public static final String SUGGESTED_IMPORTANCE = "suggestedImportance";
    /** When monitoring last said the alert resolved (the incident's, so its queued mail can name it). */
    public static final String ALERT_RESOLVED_AT = "alertResolvedAt";
    /** Services or components the reporter named (comma-separated); their recent changes are offered. */
    public static final String SERVICES = "services";
    // Confirm the situation (状況の確認)
    public static final String RECENT_CHANGE = "recentChange";
    public static final String RECENT_CHANGE_DESCRIPTION = "recentChangeDescription";
    public static final String RECENT_CHANGE_BY = "recentChangeBy";
    public static final String SITUATION_NOTES = "situationNotes";
    /** The change feed's changes before the incident, put on "Confirm the situation" (JSON, newest first). */
    public static final String RECENT_CHANGES = "recentChanges";
    /** The same as the checklist's options (label, value), the form's valuesKey. */
    public static final String RECENT_CHANGE_OPTIONS = "recentChangeOptions";
    /** The engineer's choice among them: change ids, or only "NONE" (none related). */
    public static final String SUSPECTED_CHANGES = "suspectedChanges";
    /** The suspected changes in words, one per line ("… by …"), for mails. */
    public static final String SUSPECTED_CHANGE = "suspectedChange";
    /** Identity-service users who made a suspected change (comma-separated): asked first. */
    public static final String SUSPECTED_CHANGE_AUTHORS = "suspectedChangeAuthors";
    // Provisional impact scope (影響範囲の仮調査)
    public static final String PROVISIONAL_SCOPE = "provisionalScope";
    public static final String PROVISIONAL_CLIENTS = "provisionalClients";
    public static final String PROVISIONAL_IMPACT = "provisionalImpact";
    // Judge importance (重要かの判断)
    public static final String IMPORTANCE = "importance";
    public static final String IMPORTANCE_REASON = "importanceReason";
    public static final String DUPLICATE_OF = "duplicateOf";
    // Judge urgency (緊急かの判断)
    public static final String URGENCY = "urgency";
    public static final String URGENCY_REASON = "urgencyReason";
    public static final String CLIENT_DEADLINE = "clientDeadline";
    // Priority decision (incident-priority.dmn)
    public static final String PRIORITY = "priority";
    public static final String JUDGEMENT_TARGET = "judgementTarget";
    public static final String FIRST_RESPONSE_TARGET = "firstResponseTarget";
    public static final String STATUS_UPDATE_INTERVAL = "statusUpdateInterval";
    public static final String RESOLVE_TARGET = "resolveTarget";
    // First response (一次対応)
    public static final String CLIENT_REQUEST = "clientRequest";
    public static final String CLIENT_GOAL = "clientGoal";
    public static final String ACTION_TAKEN = "actionTaken";
    public static final String FIRST_RESPONSE_RESULT = "firstResponseResult";
    // Next actions and ETA (TODOと予定), carried by first response, investigation and fix
    public static final String NEXT_ACTIONS = "nextActions";
    public static final String ETA = "eta";
    /** The ETA CS were last told; a different {@link #ETA} starts the ETA-changed notification. */
    public static final String ANNOUNCED_ETA = "announcedEta";
    // Investigate root cause and reproduce (根本原因の調査 + 再現)
    public static final String REPRODUCTION_CHECKS = "reproductionChecks";
    public static final String INVESTIGATION_NOTES = "investigationNotes";
    public static final String INVESTIGATION_OUTCOME = "investigationOutcome";
    public static final String ROOT_CAUSE = "rootCause";
    public static final String REPRODUCTION_STEPS = "reproductionSteps";
    public static final String HELP_GROUP = "helpGroup";
    public static final String HELP_REQUEST = "helpRequest";
    public static final String SPECIALIST_FINDINGS = "specialistFindings";
    // Confirm and report the impact scope (影響範囲の確定/報告)
    public static final String FINAL_SCOPE = "finalScope";
    public static final String AFFECTED_CLIENTS = "affectedClients";
    public static final String AFFECTED_CLIENT_LIST = "affectedClientList";
    public static final String IMPACT_DESCRIPTION = "impactDescription";
    // Contact affected client (クライアント連絡/謝罪), local to each client's task
    public static final String CLIENT = "client";
    public static final String CONTACTED_AT = "contactedAt";
    public static final String CONTACT_CHANNEL = "contactChannel";
    public static final String APOLOGISED = "apologised";
    public static final String CLIENT_RESPONSE = "clientResponse";
    public static final String AGREED_DATES = "agreedDates";
    // Permanent fix (根本対応) and review (レビュー)
    public static final String FIX_DESCRIPTION = "fixDescription";
    public static final String CHANGE_LINK = "changeLink";
    public static final String TESTS_ADDED = "testsAdded";
    public static final String FIXED_BY = "fixedBy";
    public static final String REGRESSION_CHECKED = "regressionChecked";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_COMMENTS = "reviewComments";
    // Wrap-up (振り返り)
    public static final String WRAP_UP_SUMMARY = "wrapUpSummary";
    public static final String LESSONS_LEARNED = "lessonsLearned";
    public static final String FOLLOW_UP_ACTIONS = "followUpActions";

    private Variables() {}
  }
}
