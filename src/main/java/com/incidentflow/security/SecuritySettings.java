package com.incidentflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code incident-flow.security.*}.
 *
 * @param hsts the one switch for Strict-Transport-Security, on the app's responses and the webapps'
 * @param prometheusToken bearer token a Prometheus server may scrape /actuator/prometheus with
 *     (its {@code authorization.credentials_file}); blank: only a manager's or incident-admin's login
 * @param engineRestMaxBodySize the largest request body /engine-rest reads (deployments and file
 *     variables included); a larger one is refused with 413 before the engine sees it
 */
@ConfigurationProperties("incident-flow.security")
public record SecuritySettings(boolean hsts, String prometheusToken, @DefaultValue("10MB") DataSize engineRestMaxBodySize) {}
