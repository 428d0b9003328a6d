package com.incidentflow.notification;

/** Names in processes/notification-delivery.bpmn, the process that delivers one queued notification. */
public final class NotificationDelivery {

  public static final String PROCESS_KEY = "notification-delivery";

  private NotificationDelivery() {}

  /** How a delivery reaches people; each channel of a notification is a delivery of its own. */
  public enum Channel {
    MAIL, SLACK, TEAMS;

    public static Channel of(Object variable) {
      return variable == null ? MAIL : valueOf(variable.toString());
    }
  }

  public static final class Tasks {
    public static final String DELIVER = "ServiceTask_DeliverNotification";

    private Tasks() {}
  }

  public static final class Variables {
    /** The incident's process instance. */
    public static final String INCIDENT_ID = "incidentId";
    /** A {@link MailKind} name. */
    public static final String NOTIFICATION = "notification";
    /** The incident's step that queued the notification; the mail names it. */
    public static final String STEP = "step";
    /** A {@link Channel} name; absent on deliveries queued before chat existed (mail). */
    public static final String CHANNEL = "channel";

    private Variables() {}
  }
}
