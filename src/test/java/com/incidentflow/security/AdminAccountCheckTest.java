package com.incidentflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.incidentflow.IncidentFlowApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

class AdminAccountCheckTest {

  @Test
  void shouldRefuseToStartOutsideDemoWithoutAdminPassword() {
    SpringApplicationBuilder production =
        new SpringApplicationBuilder(IncidentFlowApplication.class)
            .profiles("prod")
            .web(WebApplicationType.NONE)
            .logStartupInfo(false);

    assertThatThrownBy(() -> production.run("--camunda.bpm.admin-user.password="))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no administrator password is configured")
        .hasMessageContaining("INCIDENT_FLOW_ADMIN_PASSWORD");
  }

  @Test
  void shouldAcceptConfiguredPasswordOrDemoSetup() {
    AdminAccountCheck check = new AdminAccountCheck();
    assertThatCode(() -> check.postProcessEnvironment(new MockEnvironment()
            .withProperty("camunda.bpm.admin-user.password", "Wr1te-only-once!")
            .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/incidentflow"), null))
        .doesNotThrowAnyException();
    assertThatCode(() -> check.postProcessEnvironment(new MockEnvironment().withProperty("incident-flow.demo.enabled", "true"), null))
        .doesNotThrowAnyException();
    // A blank password is none: refused, without suggesting the demo's well-known one.
    assertThatThrownBy(() -> check.postProcessEnvironment(new MockEnvironment().withProperty("camunda.bpm.admin-user.password", " "), null))
        .hasMessageContaining("no administrator password is configured")
        .message().doesNotContain("admin/admin");
  }

  @Test
  void shouldNeverOpenTheDemoDatabaseInProduction() {
    assertThatThrownBy(() -> production().run("--camunda.bpm.admin-user.password=Wr1te-only-once!"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(AdminAccountCheck.DEMO_DATABASE);
    assertThatThrownBy(() -> production().run(
            "--camunda.bpm.admin-user.password=Wr1te-only-once!", "--INCIDENT_FLOW_DB_URL=jdbc:h2:file:./data/incident-flow"))
        .hasMessage(AdminAccountCheck.DEMO_DATABASE);
  }

  @Test
  void shouldRefuseToStartWithAWeakAdminPasswordSayingWhatItLacks() {
    SpringApplicationBuilder production =
        new SpringApplicationBuilder(IncidentFlowApplication.class)
            .profiles("prod")
            .web(WebApplicationType.NONE)
            .logStartupInfo(false);

    assertThatThrownBy(() -> production.run("--camunda.bpm.admin-user.password=admin12345"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("administrator password (INCIDENT_FLOW_ADMIN_PASSWORD) is too weak")
        .hasMessageContaining("upper-case letter")
        .hasMessageContaining("special character")
        .hasMessageContaining("nothing of the user's id");
    AdminAccountCheck check = new AdminAccountCheck();
    assertThatThrownBy(() -> check.postProcessEnvironment(new MockEnvironment().withProperty("camunda.bpm.admin-user.password", "Sh0rt!"), null))
        .hasMessageContaining("at least 10 characters");
    assertThatThrownBy(() -> check.postProcessEnvironment(
            new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "root").withProperty("camunda.bpm.admin-user.password", "Root-password-9"), null))
        .hasMessageContaining("nothing of the user's id");
  }

  private static SpringApplicationBuilder production() {
    return new SpringApplicationBuilder(IncidentFlowApplication.class).profiles("prod").web(WebApplicationType.NONE).logStartupInfo(false);
  }
}
