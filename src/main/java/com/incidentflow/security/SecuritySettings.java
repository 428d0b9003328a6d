package com.incidentflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code incident-flow.security.*}.
 *
 * @param hsts the one switch for Strict-Transport-Security, on the app's responses and the webapps'
 * @param prometheusToken bearer token a Prometheus server may scrape /actuator/prometheus with
 *     (its {@code authorization.credentials_file}); blank: only a manager's or incident-admin's login
 */
@ConfigurationProperties("incident-flow.security")
public record SecuritySettings(boolean hsts, String prometheusToken) {}
