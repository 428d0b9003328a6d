package com.incidentflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Connections kept open between mails, against a real SMTP server (GreenMail) reached through a relay that counts the
 * connections opened to it. No Spring: the sender's settings are built here as Spring Boot builds them.
 */
class SmtpConnectionsTest {

  private GreenMail server;
  private CountingRelay relay;
  private JavaMailSenderImpl settings;
  private MutableClock clock;
  private SmtpConnections connections;

  @BeforeEach
  void start() throws IOException {
    server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    relay = new CountingRelay(server.getSmtp().getPort());
    settings = new JavaMailSenderImpl();
    settings.setHost("127.0.0.1");
    settings.setPort(relay.port());
    Properties timeouts = new Properties();
    timeouts.put("mail.smtp.connectiontimeout", "5000");
    timeouts.put("mail.smtp.timeout", "5000");
    settings.setJavaMailProperties(timeouts);
    clock = new MutableClock();
    connections = new SmtpConnections(settings, Duration.ofSeconds(30), 2, clock);
  }

  @AfterEach
  void stop() throws IOException {
    connections.close();
    relay.close();
    server.stop();
  }

  @Test
  void shouldSendMailsOneAfterTheOtherOnOneConnection() throws Exception {
    for (int i = 0; i < 5; i++) {
      connections.send(mail("Mail " + i));
    }

    assertThat(server.getReceivedMessages()).extracting(Message::getSubject)
        .containsExactly("Mail 0", "Mail 1", "Mail 2", "Mail 3", "Mail 4");
    assertThat(relay.opened()).isEqualTo(1);
    assertThat(connections.idleConnections()).isEqualTo(1);
  }

  @Test
  void shouldOpenANewConnectionWhenTheKeptOneWasDropped() throws Exception {
    connections.send(mail("Before"));
    relay.dropAll(); // the server's idle timeout, or a restart

    connections.send(mail("After"));

    assertThat(server.getReceivedMessages()).extracting(Message::getSubject).containsExactly("Before", "After");
    assertThat(relay.opened()).isEqualTo(2);
  }

  @Test
  void shouldNotReuseAConnectionIdleForLongerThanItIsKeptFor() throws Exception {
    connections.send(mail("First"));
    clock.advance(Duration.ofSeconds(31));

    connections.send(mail("Second"));

    assertThat(relay.opened()).isEqualTo(2);
    assertThat(connections.idleConnections()).as("the old one closed, not kept beside the new one").isEqualTo(1);
    assertThat(server.getReceivedMessages()).hasSize(2);
  }

  @Test
  void shouldFailWithoutKeepingAConnectionWhileTheServerIsDown() throws Exception {
    connections.send(mail("Before"));
    relay.dropAll();
    relay.refuse();

    assertThatThrownBy(() -> connections.send(mail("During"))).isInstanceOf(MailSendException.class)
        .hasMessageContaining("Mail server connection failed");
    assertThat(connections.idleConnections()).isZero();

    relay.accept();
    connections.send(mail("After"));
    assertThat(server.getReceivedMessages()).extracting(Message::getSubject).containsExactly("Before", "After");
  }

  @Test
  void shouldSendFromManyThreadsEachOnAConnectionOfItsOwnAndKeepOnlyAFew() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String subject = "Parallel " + i;
        sent.add(threads.submit(() -> {
          connections.send(mail(subject));
          return null;
        }));
      }
      for (Future<?> one : sent) {
        one.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(server.getReceivedMessages()).hasSize(20);
    assertThat(relay.opened()).isBetween(1, 20);
    assertThat(connections.idleConnections()).isLessThanOrEqualTo(2);
    connections.close();
    assertThat(connections.idleConnections()).isZero();
  }

  private MimeMessage mail(String subject) throws Exception {
    MimeMessage message = settings.createMimeMessage();
    message.setFrom(new InternetAddress("incident-flow@example.com"));
    message.setRecipients(Message.RecipientType.TO, "maria@example.com");
    message.setSubject(subject);
    message.setText("Body of " + subject);
    return message;
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-12-02T09:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /**
   * A TCP relay in front of the SMTP server: counts the connections opened through it, can
   * drop every open connection (as a server's idle timeout does), and can refuse new ones (server down).
   */
  private static final class CountingRelay implements AutoCloseable {
    private final ServerSocket listening;
    private final int target;
    private final AtomicInteger opened = new AtomicInteger();
    private final List<Socket> open = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean refusing;

    CountingRelay(int target) throws IOException {
      this.target = target;
      this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor = new Thread(this::acceptAll, "smtp-relay");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return listening.getLocalPort();
    }

    int opened() {
      return opened.get();
    }

    void dropAll() throws IOException {
      for (Socket socket : open) {
        socket.close();
      }
      open.clear();
    }

    void refuse() {
      refusing = true;
    }

    void accept() {
      refusing = false;
    }

    private void acceptAll() {
      while (!listening.isClosed()) {
        try {
          Socket client = listening.accept();
          if (refusing) {
            client.close();
            continue;
          }
          Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
          opened.incrementAndGet();
          open.add(client);
          open.add(upstream);
          pump(client, upstream);
          pump(upstream, client);
        } catch (IOException closed) {
          return;
        }
      }
    }

    private void pump(Socket from, Socket to) {
      Thread pump = new Thread(() -> {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
          int n;
          while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            out.flush();
          }
        } catch (IOException dropped) {
          // one side closed
        } finally {
          try {
            to.close();
            from.close();
          } catch (IOException ignored) {
            // closed already
          }
        }
      }, "smtp-relay-pump");
      pump.setDaemon(true);
      pump.start();
    }

    @Override
    public void close() throws IOException {
      listening.close();
      dropAll();
    }
  }
}
