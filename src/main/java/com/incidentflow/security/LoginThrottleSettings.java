package com.incidentflow.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incident-flow.security.login.*}: brute-force protection of every login (HTTP Basic and
 * the webapps' login form), per user name and client address.
 *
 * @param freeFailures wrong passwords in a row before the pair is locked
 * @param firstLock how long the first lock lasts; each further failure doubles it
 * @param maxLock the longest lock; there is no permanent one
 */
@ConfigurationProperties("incident-flow.security.login")
public record LoginThrottleSettings(
    @DefaultValue("5") int freeFailures, @DefaultValue("1s") Duration firstLock, @DefaultValue("15m") Duration maxLock) {}
