package com.incidentflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AppLinksTest {

  final AppLinks links = new AppLinks(new TeamSettings("https://incidents.example.com/", null, null));

  @Test
  void shouldStartEveryLinkWithTheBaseUrlWithoutItsTrailingSlash() {
    assertThat(links.tasklist()).isEqualTo("https://incidents.example.com/camunda/app/tasklist/default/");
    assertThat(links.task("t-1")).isEqualTo("https://incidents.example.com/camunda/app/tasklist/default/#/?task=t-1");
    assertThat(links.cockpit("p-1")).isEqualTo("https://incidents.example.com/camunda/app/cockpit/default/#/process-instance/p-1/runtime");
    assertThat(links.report("INC-2026-0042")).isEqualTo("https://incidents.example.com/api/incidents/INC-2026-0042/report");
  }

  @Test
  void shouldFilterTasklistToOneIncidentsSteps() {
    String link = links.incidentSteps("INC-2026-0042");
    String prefix = "https://incidents.example.com/camunda/app/tasklist/default/#/?searchQuery=";

    assertThat(link).startsWith(prefix);
    assertThat(URLDecoder.decode(link.substring(prefix.length()), StandardCharsets.UTF_8))
        .isEqualTo("[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"INC-2026-0042\",\"name\":\"\"}]");
  }

  @Test
  void shouldDefaultToTheLocalAppInJapaneseInTokyo() {
    TeamSettings defaults = new TeamSettings(null, null, null);

    assertThat(defaults.baseUrl()).isEqualTo("http://localhost:8080");
    assertThat(defaults.locale()).isEqualTo(java.util.Locale.JAPANESE);
    assertThat(defaults.zone()).isEqualTo(java.time.ZoneId.of("Asia/Tokyo"));
  }
}
