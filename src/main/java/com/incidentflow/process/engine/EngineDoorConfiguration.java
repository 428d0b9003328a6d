package com.incidentflow.process.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The beans through which features reach the engine without naming it. */
@Configuration
public class EngineDoorConfiguration {

  /** In the server's zone, as the engine's own dates are (the incident number's year is read in it). */
  @Bean
  Clock clock() {
    return new EngineClock(ZoneId.systemDefault());
  }

  @Bean
  EngineStarted engineStarted(ProcessEngine engine) {
    return new EngineStarted(engine.getName());
  }

  /** The administrator Camunda's starter creates (camunda.bpm.admin-user); id and password null when none is set. */
  @Bean
  AdminAccount adminAccount(CamundaBpmProperties camunda) {
    return AdminAccount.of(camunda.getAdminUser());
  }

  /** Where the webapps (Tasklist, Cockpit, Admin) and their APIs live (camunda.bpm.webapp.application-path). */
  @Bean
  WebappsPath webappsPath(CamundaBpmProperties camunda) {
    return new WebappsPath(camunda.getWebapp().getApplicationPath());
  }

  /** As the starter has it: no defaults filled in (the starter fills in names and e-mail when it creates the user). */
  public record AdminAccount(String id, String password, String firstName, String lastName, String email) {

    static AdminAccount of(AdminUserProperty admin) {
      return admin == null
          ? new AdminAccount(null, null, null, null, null)
          : new AdminAccount(admin.getId(), admin.getPassword(), admin.getFirstName(), admin.getLastName(), admin.getEmail());
    }

    /**
     * Bound from the environment onto the starter's own properties class, for what runs before any
     * bean exists (the admin account check at start).
     */
    public static AdminAccount in(Environment environment) {
      return of(Binder.get(environment).bind("camunda.bpm.admin-user", AdminUserProperty.class).orElse(null));
    }

    @Override
    public String toString() {
      return "AdminAccount[id=" + id + "]"; // never the password, whoever logs this
    }
  }

  /** E.g. {@code /camunda}: the webapps under {@code /camunda/app/}, their APIs under {@code /camunda/api/}. */
  public record WebappsPath(String value) {}

  /**
   * Exists once the engine is built, and with it the ACT_* tables: a bean that reads or indexes them
   * at start-up takes this, so that Spring builds the engine first.
   */
  public record EngineStarted(String engineName) {}

  /**
   * The engine's clock as a {@link Clock}, so that the app reads one "now": timers, history rows and
   * our own timestamps agree, and a test that moves the engine clock moves all of them.
   */
  public static final class EngineClock extends Clock {

    private final ZoneId zone;

    public EngineClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new EngineClock(zone);
    }
  }
}
