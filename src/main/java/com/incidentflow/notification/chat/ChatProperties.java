package com.incidentflow.notification.chat;

import com.incidentflow.notification.NotificationDelivery.Channel;
import com.incidentflow.security.Groups;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Chat beside mail (incident-flow.chat.*). A channel with nothing configured is off: no delivery
 * is queued for it. Blank values (an unset environment placeholder) count as not configured.
 *
 * @param enabled false turns chat off whatever else is set (default true)
 * @param slack Slack's Web API with a bot token; a channel id per role
 * @param teams Teams Workflow webhooks (Adaptive Cards); a webhook URL per role
 */
@ConfigurationProperties("incident-flow.chat")
public record ChatProperties(Boolean enabled, Slack slack, Teams teams) {

  /** Roles that can have a chat channel of their own. */
  public static final Set<String> ROLES =
      Set.of(Groups.MANAGERS, Groups.ENGINEERS, Groups.CS, Groups.FRONTEND, Groups.BACKEND, Groups.INFRA);

  private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]{2,}");

  public ChatProperties {
    enabled = enabled == null || enabled;
    slack = slack == null ? new Slack(null, null, null, null, null) : slack;
    teams = teams == null ? new Teams(null, null) : teams;
  }

  public boolean isConfigured(Channel channel) {
    return switch (channel) {
      case MAIL -> false;
      case SLACK -> enabled && slack.isConfigured();
      case TEAMS -> enabled && teams.isConfigured();
    };
  }

  /**
   * @param botToken the app's bot token (xoxb-…), from the environment
   * @param apiUrl Slack's Web API; another only for a stand-in
   * @param channels channel id (C…) per role
   * @param users Slack member id (U…) per identity-service user id, for users without a slackUserId
   *     user info
   * @param timeout for connecting and for each call
   */
  public record Slack(String botToken, URI apiUrl, Map<String, String> channels, Map<String, String> users, Duration timeout) {

    public Slack {
      botToken = botToken == null ? "" : botToken.strip();
      apiUrl = apiUrl == null ? URI.create("https://slack.com/api") : apiUrl;
      channels = configured(channels, "slack.channels");
      users = users == null ? Map.of() : Map.copyOf(users);
      users.forEach((user, id) -> {
        if (!isSlackUserId(id)) {
          throw new IllegalArgumentException("incident-flow.chat.slack.users." + user + " is not a Slack member id (U… or W…): " + id);
        }
      });
      timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    public boolean isConfigured() {
      return !botToken.isEmpty() && !channels.isEmpty();
    }
  }

  /**
   * @param webhooks the "When a Teams webhook request is received" workflow URL per role, from the
   *     environment (the URL is the credential)
   * @param timeout for connecting and for each post
   */
  public record Teams(Map<String, String> webhooks, Duration timeout) {

    public Teams {
      webhooks = configured(webhooks, "teams.webhooks");
      webhooks.forEach((role, url) -> {
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
          throw new IllegalArgumentException("incident-flow.chat.teams.webhooks." + role + " is not an http(s) URL");
        }
      });
      timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    public boolean isConfigured() {
      return !webhooks.isEmpty();
    }
  }

  public static boolean isSlackUserId(String id) {
    return id != null && SLACK_USER.matcher(id).matches();
  }

  private static Map<String, String> configured(Map<String, String> perRole, String name) {
    Map<String, String> set = new LinkedHashMap<>();
    if (perRole != null) {
      perRole.forEach((role, value) -> {
        if (!ROLES.contains(role)) {
          throw new IllegalArgumentException("incident-flow.chat." + name + "." + role + ": no such role; roles are " + ROLES);
        }
        if (value != null && !value.isBlank()) {
          set.put(role, value.strip());
        }
      });
    }
    return Map.copyOf(set);
  }
}
