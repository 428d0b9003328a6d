package com.incidentflow.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.incidentflow.IncidentFlowTest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.spi.ExceptionMappers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * The webapps' REST servlets (Tasklist's engine API and the others) are Jersey applications Camunda
 * builds, outside Spring's reach: their exception mappers, asked about a failure because the database
 * is away, answer 503 with the problem body, and anything else as Camunda would.
 */
@IncidentFlowTest
class WebappApisOutageTest {

  @Autowired ServletWebServerApplicationContext context;

  @Test
  void shouldAnswer503FromEveryWebappApiWhenTheDatabaseIsAway() {
    Context web = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
    for (String name : WebappsConfiguration.WEBAPP_APIS) {
      ServletContainer jersey = (ServletContainer) ((Wrapper) web.findChild(name)).getServlet();
      ExceptionMappers mappers = jersey.getApplicationHandler().getInjectionManager().getInstance(ExceptionMappers.class);

      ProcessEngineException away = new ProcessEngineException("ENGINE-03004",
          new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms",
              // What Hikari carries when the database is away: the driver's connection failure.
              new SQLException("Connection to localhost:5432 refused", "08001")));
      Response unavailable = map(mappers, away);
      assertThat(unavailable.getStatus()).as(name).isEqualTo(503);
      assertThat(unavailable.getMediaType()).as(name).hasToString("application/problem+json");
      assertThat(unavailable.getEntity().toString()).as(name).contains("The database is not reachable at the moment");

      Response other = map(mappers, new ProcessEngineException("ENGINE-03004", new SQLException("duplicate key value", "23505")));
      assertThat(other.getStatus()).as(name).isEqualTo(500);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> Response map(ExceptionMappers mappers, T failure) {
    ExceptionMapper<T> mapper = (ExceptionMapper<T>) mappers.findMapping(failure);
    assertThat(mapper).isNotNull();
    return mapper.toResponse(failure);
  }
}
