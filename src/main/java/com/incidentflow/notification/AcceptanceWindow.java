package com.incidentflow.notification;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The moment between an SMTP server accepting a mail and our record of it ({@link SentMailLog}):
 * a mail whose node dies in it is sent again after the restart, because nothing says it went out.
 * One mail at a time per JVM may be in it, so a crash repeats at most one mail; sends still overlap
 * in everything before it (connecting, greeting, recipients, the message itself).
 *
 * <p>{@link AcceptanceWindowTransport} enters it just before it ends the message (the SMTP "." that
 * makes the server take it); {@link #sendThenRecord} leaves it once the record is committed or the
 * send failed. Sends outside sendThenRecord (none in the app) never wait for it.
 */
final class AcceptanceWindow {

  private static final ReentrantLock LOCK = new ReentrantLock(true);
  private static final ThreadLocal<Boolean> RECORDED_SEND = new ThreadLocal<>();

  private AcceptanceWindow() {}

  /** Runs a send and the record of it; the window this thread entered is left at the end, whatever happened. */
  static void sendThenRecord(Runnable sendAndRecord) {
    RECORDED_SEND.set(Boolean.TRUE);
    try {
      sendAndRecord.run();
    } finally {
      RECORDED_SEND.remove();
      if (LOCK.isHeldByCurrentThread()) {
        LOCK.unlock();
      }
    }
  }

  /** Called by the transport before the server may accept the mail: waits while another mail is in the window. */
  static void enter() {
    if (RECORDED_SEND.get() != null && !LOCK.isHeldByCurrentThread()) {
      LOCK.lock();
    }
  }

  /** Sends waiting to end their message while another mail is in the window. */
  static int waiting() {
    return LOCK.getQueueLength();
  }
}
