package com.incidentflow.change;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident-flow.changes.*}.
 *
 * @param token bearer token a CI job records changes with (POST /api/changes); blank: only a login
 * @param githubSecret the GitHub webhook's secret, which signs every delivery (X-Hub-Signature-256);
 *     blank: GitHub deliveries are refused
 * @param gitlabToken the GitLab webhook's secret token (X-Gitlab-Token); blank: GitLab deliveries are refused
 * @param lookback how far before an incident's occurrence its recent changes reach
 */
@ConfigurationProperties("incident-flow.changes")
public record ChangeProperties(
    String token, String githubSecret, String gitlabToken, @DefaultValue("72h") Duration lookback) {

  static boolean configured(String secret) {
    return secret != null && !secret.isBlank();
  }
}
