package com.incidentflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport that enters the {@link AcceptanceWindow} before the server may accept
 * a mail: the end of the DATA command ("."), or the last BDAT chunk when chunking is on.
 * {@link AcceptanceWindowTransports} makes the mail session use it for smtp and smtps.
 */
public class AcceptanceWindowTransport extends SMTPTransport {

  public AcceptanceWindowTransport(Session session, URLName urlName) {
    this(session, urlName, "smtp", false);
  }

  protected AcceptanceWindowTransport(Session session, URLName urlName, String protocol, boolean ssl) {
    super(session, urlName, protocol, ssl);
  }

  @Override
  protected void finishData() throws IOException, MessagingException {
    AcceptanceWindow.enter();
    super.finishData();
  }

  @Override
  protected void finishBdat() throws IOException, MessagingException {
    AcceptanceWindow.enter();
    super.finishBdat();
  }

  static Provider provider(String protocol, Class<? extends AcceptanceWindowTransport> type) {
    return new Provider(Provider.Type.TRANSPORT, protocol, type.getName(), "Incident Flow", "1");
  }

  /** The same for smtps (SMTP over TLS from the first byte). */
  public static class Ssl extends AcceptanceWindowTransport {

    public Ssl(Session session, URLName urlName) {
      super(session, urlName, "smtps", true);
    }
  }
}
