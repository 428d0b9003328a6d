package com.incidentflow.notification.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.incidentflow.notification.NotificationDelivery.Channel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatPropertiesTest {

  @Test
  void shouldConfigureNoChatWhenNothingIsSet() {
    ChatProperties none = new ChatProperties(null, null, null);

    assertThat(none.isConfigured(Channel.SLACK)).isFalse();
    assertThat(none.isConfigured(Channel.TEAMS)).isFalse();
    assertThat(none.isConfigured(Channel.MAIL)).isFalse();
  }

  @Test
  void shouldTreatUnsetEnvironmentPlaceholdersAsNotConfigured() {
    ChatProperties unset = new ChatProperties(
        null,
        new ChatProperties.Slack("", null, Map.of("managers", "", "cs", " "), null, null),
        new ChatProperties.Teams(Map.of("managers", ""), null));

    assertThat(unset.isConfigured(Channel.SLACK)).isFalse();
    assertThat(unset.isConfigured(Channel.TEAMS)).isFalse();
  }

  @Test
  void shouldConfigureNoChatWhenTurnedOff() {
    ChatProperties off = new ChatProperties(
        false,
        new ChatProperties.Slack("xoxb-1", null, Map.of("cs", "C1"), null, null),
        new ChatProperties.Teams(Map.of("cs", "https://teams.example/workflow"), null));

    assertThat(off.isConfigured(Channel.SLACK)).isFalse();
    assertThat(off.isConfigured(Channel.TEAMS)).isFalse();
    assertThat(new ChatProperties(null, off.slack(), off.teams()).isConfigured(Channel.SLACK)).isTrue();
  }

  @Test
  void shouldNeedBothTokenAndChannelForSlack() {
    assertThat(new ChatProperties.Slack("xoxb-1", null, Map.of(), null, null).isConfigured()).isFalse();
    assertThat(new ChatProperties.Slack("", null, Map.of("cs", "C1"), null, null).isConfigured()).isFalse();
    ChatProperties.Slack slack = new ChatProperties.Slack("xoxb-1", null, Map.of("cs", "C1", "infra", ""), null, null);
    assertThat(slack.isConfigured()).isTrue();
    assertThat(slack.channels()).containsOnlyKeys("cs");
    assertThat(slack.apiUrl()).hasToString("https://slack.com/api");
  }

  @Test
  void shouldRefuseUnknownRolesAndMalformedIds() {
    assertThatThrownBy(() -> new ChatProperties.Slack("xoxb-1", null, Map.of("sales", "C1"), null, null))
        .hasMessageContaining("incident-flow.chat.slack.channels.sales: no such role");
    assertThatThrownBy(() -> new ChatProperties.Slack("xoxb-1", null, Map.of(), Map.of("maria", "<!channel>"), null))
        .hasMessageContaining("incident-flow.chat.slack.users.maria is not a Slack member id");
    assertThatThrownBy(() -> new ChatProperties.Teams(Map.of("cs", "ftp://x"), null))
        .hasMessageContaining("incident-flow.chat.teams.webhooks.cs is not an http(s) URL")
        .hasMessageNotContaining("ftp://x");
  }
}
