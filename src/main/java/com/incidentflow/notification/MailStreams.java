package com.incidentflow.notification;

import jakarta.mail.util.StreamProvider;

/**
 * Names Jakarta Mail's stream provider once, so that building a mail does not search for it.
 *
 * <p>Jakarta Mail 2.1 asks {@code StreamProvider.provider()} for its encoders and line streams
 * several times per message (every body part, multipart and header block), and each call looks the
 * provider up anew: the system property {@code jakarta.mail.util.StreamProvider} if set, else a
 * {@code ServiceLoader} scan of the class path. With the property naming Angus Mail's provider — the
 * one that scan finds, the only implementation on the class path — each call loads that class by name
 * instead, through the thread's context class loader as the scan did (the app's threads that build
 * mails — requests, the job executor, the mail catcher — have the app's class loader there). A value
 * set from outside (a {@code -D} option) is left as it is.
 */
final class MailStreams {

  static final String PROPERTY = StreamProvider.class.getName();
  static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

  private MailStreams() {}

  static void nameTheProvider() {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    try {
      Class.forName(ANGUS, false, StreamProvider.class.getClassLoader());
    } catch (ClassNotFoundException notThere) {
      return; // another implementation: leave the search to Jakarta Mail
    }
    System.setProperty(PROPERTY, ANGUS);
  }
}
