package com.incidentflow.notification.catcher;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled run an SMTP server inside the app that keeps every mail for reading at /mailbox
 * @param port its SMTP port on localhost; spring.mail.port must point at it
 */
@ConfigurationProperties("incident-flow.mail-catcher")
public record MailCatcherProperties(boolean enabled, int port) {}
