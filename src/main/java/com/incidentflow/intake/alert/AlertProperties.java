package com.incidentflow.intake.alert;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param token the bearer token Alertmanager presents (its http_config authorization); blank
 *     disables token access, leaving only the normal API login
 */
@ConfigurationProperties("incident-flow.alerts")
public record AlertProperties(String token) {

  public boolean tokenConfigured() {
    return token != null && !token.isBlank();
  }
}
