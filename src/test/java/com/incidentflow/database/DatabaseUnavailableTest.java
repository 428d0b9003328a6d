package com.incidentflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.incidentflow.IncidentFlowApplication;
import com.incidentflow.Mails;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** A broken environment at start: each case gives one log line naming what is wrong. */
@Tag("own-jvm") // starts its own engine named "default" (pom.xml)
@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnavailableTest {

  @RegisterExtension static GreenMailExtension smtp = Mails.server();

  @Test
  void shouldNameTheDatabaseAndTheReasonWhenNothingAnswersAtItsAddress(CapturedOutput output) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/incidentflow";

    assertThatThrownBy(() -> start(url, "incidentflow", "--incident-flow.database.start-wait=PT0S").close());

    assertThat(output.getOut()).containsOnlyOnce(
        "Cannot use the database " + url + " as user 'incidentflow': Connection to 127.0.0.1:" + closedPort + " refused");
  }

  @Test
  void shouldWaitForADatabaseThatIsNotThereYetAndStartOnceItIs(CapturedOutput output) throws Exception {
    Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-databases")), "late");
    String file = folder.resolve("incident-flow").toAbsolutePath().toString();

    // IFEXISTS: H2 refuses to connect until the database exists, as a server refuses while it is down.
    CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(
        () -> start("jdbc:h2:file:" + file + ";IFEXISTS=TRUE;LOCK_TIMEOUT=10000", "sa"));
    while (!output.getOut().contains("Database not reachable, trying again in 5 s")) {
      assertThat(starting).isNotDone();
      Thread.sleep(200);
    }
    try (Connection created = DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "")) {
      assertThat(created.isValid(1)).isTrue();
    }

    try (ConfigurableApplicationContext app = starting.get()) {
      assertThat(app.getBean(ProcessEngine.class).getRepositoryService().createProcessDefinitionQuery().count()).isPositive();
    }
  }

  static ConfigurableApplicationContext start(String url, String user, String... more) {
    String[] arguments = new String[4 + more.length];
    arguments[0] = "--spring.datasource.url=" + url;
    arguments[1] = "--spring.datasource.username=" + user;
    arguments[2] = "--spring.datasource.password=";
    arguments[3] = "--server.port=0";
    System.arraycopy(more, 0, arguments, 4, more.length);
    return new SpringApplicationBuilder(IncidentFlowApplication.class).profiles("test").run(arguments);
  }
}
