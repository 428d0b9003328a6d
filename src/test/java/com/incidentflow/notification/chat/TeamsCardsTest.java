package com.incidentflow.notification.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.incidentflow.notification.MailRenderer.Fact;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamsCardsTest {

  @Test
  void shouldEscapeAdaptiveCardMarkdownInTypedText() {
    assertThat(TeamsCards.escape("[click](https://evil.example) **bold** _i_ `code` ~x~ \\ <at>maria</at> (PR #1)"))
        .isEqualTo("\\[click\\](https://evil.example) \\*\\*bold\\*\\* \\_i\\_ \\`code\\` \\~x\\~ \\\\ <at>maria</at> (PR #1)");
  }

  @Test
  void shouldNotRepeatThePriorityWhenTheMailListsIt() {
    ChatNotice notice = SlackMessagesTest.notice(
        SlackMessagesTest.view("Checkout down", List.of(new Fact("Priority", "P1"), new Fact("Urgency", "Urgent"))), List.of());
    JsonNode facts = new ObjectMapper().valueToTree(TeamsCards.message(notice)).path("attachments").get(0).path("content").path("body").get(3).path("facts");

    assertThat(facts.findValuesAsText("title")).containsExactly("Step", "Priority", "Urgency");
  }

  @Test
  void shouldKeepTypedListMarkersAsText() {
    assertThat(TeamsCards.escape("- one\n+ two\n3. three\nnot-a-list 4.5"))
        .isEqualTo("\\- one\n\\+ two\n3\\. three\nnot-a-list 4.5");
  }

  @Test
  void shouldPutTheMailsFactsIntoOneAdaptiveCard() {
    ChatNotice notice = SlackMessagesTest.notice(
        SlackMessagesTest.view("Checkout *down*", List.of(new Fact("Error", "[x](y)"))), List.of());
    JsonNode message = new ObjectMapper().valueToTree(TeamsCards.message(notice));

    assertThat(message.path("type").asText()).isEqualTo("message");
    assertThat(message.path("attachments")).hasSize(1);
    JsonNode attachment = message.path("attachments").get(0);
    assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
    assertThat(attachment.has("contentUrl")).isTrue();
    assertThat(attachment.path("contentUrl").isNull()).isTrue();
    JsonNode card = attachment.path("content");
    assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(card.path("version").asText()).isEqualTo("1.4");
    assertThat(card.path("$schema").asText()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
    JsonNode body = card.path("body");
    assertThat(body.get(0).path("text").asText()).isEqualTo("\\[INC-2042-0001\\]\\[P1\\] Checkout \\*down\\* — Report");
    assertThat(body.get(0).path("weight").asText()).isEqualTo("Bolder");
    assertThat(body.get(1).path("text").asText()).isEqualTo("INC-2042-0001 needs a priority");
    assertThat(body.get(2).path("text").asText()).isEqualTo("Judge the importance.");
    assertThat(body.get(3).path("type").asText()).isEqualTo("FactSet");
    assertThat(body.get(3).path("facts").toString())
        .isEqualTo("[{\"title\":\"Step\",\"value\":\"Report to the manager\"},{\"title\":\"Priority\",\"value\":\"P1\"},"
            + "{\"title\":\"Error\",\"value\":\"\\\\[x\\\\](y)\"}]");
    assertThat(body.get(4).path("text").asText()).isEqualTo("Open steps");
    assertThat(body.get(5).path("items").get(0).path("text").asText()).isEqualTo("• Judge importance — unassigned");
    assertThat(body).allSatisfy(block -> assertThat(block.path("type").asText()).isIn("TextBlock", "FactSet", "Container"));
    JsonNode actions = card.path("actions");
    assertThat(actions).hasSize(3);
    assertThat(actions.get(0).path("type").asText()).isEqualTo("Action.OpenUrl");
    assertThat(actions.get(0).path("title").asText()).isEqualTo("Open Tasklist");
    assertThat(actions.get(0).path("url").asText()).isEqualTo("http://flow.test/camunda/app/tasklist/default/#/?task=t1");
    assertThat(actions.get(1).path("url").asText()).isEqualTo("http://flow.test/cockpit/pi1");
    assertThat(actions.get(2).path("url").asText()).isEqualTo("http://flow.test/api/incidents/INC-2042-0001/report");
  }
}
