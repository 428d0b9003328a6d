package com.incidentflow.notification;

/** Names in processes/notification-delivery.bpmn, the process that delivers one queued notification. */
public final class NotificationDelivery {

  public static final String PROCESS_KEY = "notification-delivery";

  private NotificationDelivery() {}

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

    private Variables() {}
  }
}
