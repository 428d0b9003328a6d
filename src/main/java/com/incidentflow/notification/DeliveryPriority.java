package com.incidentflow.notification;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The job priority of a delivery ({@code ${deliveryPriority.of(notification)}} in processes/notification-delivery.bpmn):
 * when deliveries queue up for the job executor's threads, the hand-overs someone has to act on now — the manager's
 * report, an escalation, a request for help — are taken before those that only inform. The engine acquires jobs by
 * priority ({@code job-executor-acquire-by-priority} in application.yaml); within a priority, in no particular order.
 */
@Component("deliveryPriority")
public class DeliveryPriority {

  /** Someone has to act on it now. */
  public static final long ACT_NOW = 10;

  /** It informs: priority, impact, ETA, resolution. */
  public static final long INFORM = 0;

  private static final Set<MailKind> ACT_NOW_KINDS = EnumSet.of(
      MailKind.MANAGER_REPORT,
      MailKind.JUDGEMENT_OVERDUE,
      MailKind.FIRST_RESPONSE_OVERDUE,
      MailKind.HELP_REQUESTED,
      MailKind.CHANGE_AUTHOR_ASKED,
      MailKind.STATUS_UPDATE_DUE);

  /** The priority of a delivery of this {@link MailKind} name; an unknown name informs (it never fails the step). */
  public long of(Object kind) {
    for (MailKind known : ACT_NOW_KINDS) {
      if (known.name().equals(String.valueOf(kind))) {
        return ACT_NOW;
      }
    }
    return INFORM;
  }
}
