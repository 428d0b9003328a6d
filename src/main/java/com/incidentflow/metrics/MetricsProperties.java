package com.incidentflow.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code incident-flow.metrics.*}.
 *
 * @param defaultPeriodDays days a report covers when the caller names no period
 * @param prometheusWindowDays days of history the Prometheus duration gauges summarise
 * @param prometheusRefresh how long a scrape may reuse the last figures (scrapes come every few seconds, the queries need not)
 */
@ConfigurationProperties("incident-flow.metrics")
public record MetricsProperties(int defaultPeriodDays, int prometheusWindowDays, Duration prometheusRefresh) {}
