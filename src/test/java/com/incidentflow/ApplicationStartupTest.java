package com.incidentflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.incidentflow.process.IncidentProcess;
import com.incidentflow.security.Groups;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@IncidentFlowTest
class ApplicationStartupTest {

  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TestRestTemplate http;

  @Test
  void shouldDeployProcessDecisionAndEveryForm() {
    ProcessDefinition process = repository.createProcessDefinitionQuery().processDefinitionKey(IncidentProcess.PROCESS_KEY).latestVersion().singleResult();
    assertThat(process).isNotNull();
    assertThat(process.getName()).isEqualTo("Incident response (障害対応)");
    assertThat(process.getHistoryTimeToLive()).isEqualTo(180);

    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(IncidentProcess.PRIORITY_DECISION_KEY).count()).isEqualTo(1);
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("priority-level").count()).isEqualTo(1);

    List<String> resources = repository.getDeploymentResourceNames(process.getDeploymentId());
    assertThat(resources).filteredOn(r -> r.endsWith(".form")).hasSize(13);
    assertThat(resources).filteredOn(r -> r.endsWith(".bpmn")).hasSize(2).anyMatch(r -> r.endsWith("processes/notification-delivery.bpmn"));
    assertThat(resources).anyMatch(r -> r.endsWith("incident-priority.dmn"));
    assertThat(resources).anyMatch(r -> r.endsWith("processes/contact-client.form")).anyMatch(r -> r.endsWith("processes/wrap-up.form"));
  }

  @Test
  void shouldCreateTheRoleModelAndTheDemoTeam() {
    for (String group : List.of(Groups.ENGINEERS, Groups.MANAGERS, Groups.CS, Groups.FRONTEND, Groups.BACKEND, Groups.INFRA, Groups.INCIDENT_ADMINS)) {
      assertThat(identity.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
    }
    assertThat(identity.checkPassword("maria", "maria")).isTrue();
    assertThat(identity.createUserQuery().memberOfGroup(Groups.MANAGERS).list()).extracting(u -> u.getId()).containsExactly("maria");
    assertThat(identity.createUserQuery().memberOfGroup(Groups.ENGINEERS).count()).isEqualTo(3);
  }

  @Test
  void shouldOfferMyWorkFirstThenOneFilterPerRole() {
    List<Filter> all = filters.createFilterQuery().list();
    assertThat(all).extracting(Filter::getName)
        .contains("My work (自分の作業)", "Engineering (エンジニア)", "Manager judgements (上長の判断)",
            "Client contact (クライアント連絡)", "Specialist help (専門チームへの依頼)");
    Filter first = all.stream().min((a, b) -> Integer.compare((Integer) a.getProperties().get("priority"), (Integer) b.getProperties().get("priority"))).orElseThrow();
    assertThat(first.getName()).isEqualTo("My work (自分の作業)");
    assertThat(all.stream().filter(f -> f.getName().equals("My work (自分の作業)"))).hasSize(1);
  }

  @Test
  void shouldServeTheWebapps() {
    assertThat(http.getForEntity("/camunda/app/tasklist/default/", String.class).getStatusCode().is2xxSuccessful()).isTrue();
  }
}
