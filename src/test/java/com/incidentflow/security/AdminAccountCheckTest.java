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
    assertThatCode(() -> check.postProcessEnvironment(new MockEnvironment().withProperty("camunda.bpm.admin-user.password", "s3cret"), null))
        .doesNotThrowAnyException();
    assertThatCode(() -> check.postProcessEnvironment(new MockEnvironment().withProperty("incident-flow.demo.enabled", "true"), null))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> check.postProcessEnvironment(new MockEnvironment().withProperty("camunda.bpm.admin-user.password", " "), null))
        .hasMessage(AdminAccountCheck.MESSAGE);
    assertThat(AdminAccountCheck.MESSAGE).doesNotContain("admin/admin");
  }
}
