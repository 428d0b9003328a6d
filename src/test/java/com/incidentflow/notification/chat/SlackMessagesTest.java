package com.incidentflow.notification.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.incidentflow.notification.MailRenderer.Fact;
import com.incidentflow.notification.MailRenderer.MailView;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackMessagesTest {

  static MailView view(String title, List<Fact> facts) {
    return new MailView(
        "INC-2042-0001", title, "P1", "INC-2042-0001 needs a priority", "Judge the importance.",
        "Report to the manager", List.of("Judge importance — unassigned"), facts,
        "http://flow.test/camunda/app/tasklist/default/#/?task=t1", "http://flow.test/cockpit/pi1",
        "http://flow.test/api/incidents/INC-2042-0001/report", "Open Tasklist", "Open in Cockpit", "Report", "footer");
  }

  static ChatNotice notice(MailView view, List<String> mentions) {
    return new ChatNotice("[INC-2042-0001][P1] " + view.title() + " — Report", view, new ChatNotice.Labels("Step", "Open steps", "Priority"), mentions);
  }

  @Test
  void shouldEscapeSlackControlCharactersInTypedText() {
    assertThat(SlackMessages.escape("a < b && c > d")).isEqualTo("a &lt; b &amp;&amp; c &gt; d");
    assertThat(SlackMessages.escape("<!channel> <@U123> <https://evil.example|click>"))
        .isEqualTo("&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt;")
        .doesNotContain("<");
  }

  @Test
  void shouldDefuseTypedBroadcastMentions() {
    assertThat(SlackMessages.escape("ping @here and @channel, @Everyone"))
        .isEqualTo("ping @\u200Bhere and @\u200Bchannel, @\u200BEveryone");
    assertThat(SlackMessages.escape("mail me at ops@heresy.example")).isEqualTo("mail me at ops@heresy.example");
  }

  @Test
  void shouldKeepLinksWholeWhenAddressOrLabelHoldsSlackCharacters() {
    assertThat(SlackMessages.link("http://flow.test/a?x=1&y=<2>|3", "Open | now > here"))
        .isEqualTo("<http://flow.test/a?x=1&amp;y=%3C2%3E%7C3|Open ¦ now &gt; here>");
  }

  @Test
  void shouldWriteRootWithStepPriorityOpenStepsAndLinks() {
    String root = SlackMessages.root(notice(view("Checkout <down> & @here", List.of()), List.of()));

    assertThat(root).isEqualTo(String.join("\n",
        "*[INC-2042-0001][P1] Checkout &lt;down&gt; &amp; @\u200Bhere*",
        "*Step:* Report to the manager  ·  *Priority:* P1",
        "*Open steps:* Judge importance — unassigned",
        "<http://flow.test/camunda/app/tasklist/default/#/?task=t1|Open Tasklist>  ·  <http://flow.test/cockpit/pi1|Open in Cockpit>"
            + "  ·  <http://flow.test/api/incidents/INC-2042-0001/report|Report>"));
  }

  @Test
  void shouldWriteReplyWithMentionsAndEscapedFacts() {
    MailView view = view("Checkout is down", List.of(new Fact("Error", "<!everyone> 500 & retry"), new Fact("URL", "https://shop.example/?a=1&b=2")));
    String reply = SlackMessages.reply(notice(view, List.of("U0MARIA", "U0KENJI")));

    assertThat(reply.split("\n")).containsExactly(
        "*INC-2042-0001 needs a priority*",
        "Judge the importance.",
        "<@U0MARIA> <@U0KENJI>",
        "*Step:* Report to the manager",
        "*Open steps:*",
        "• Judge importance — unassigned",
        "*Error:* &lt;!everyone&gt; 500 &amp; retry",
        "*URL:* https://shop.example/?a=1&amp;b=2",
        "<http://flow.test/camunda/app/tasklist/default/#/?task=t1|Open Tasklist>  ·  <http://flow.test/cockpit/pi1|Open in Cockpit>"
            + "  ·  <http://flow.test/api/incidents/INC-2042-0001/report|Report>");
  }

  @Test
  void shouldLeaveOutMentionLineWhenNobodyIsMapped() {
    String reply = SlackMessages.reply(notice(view("Checkout is down", List.of()), List.of()));

    assertThat(reply).doesNotContain("<@").contains("Judge the importance.\n*Step:*");
  }
}
