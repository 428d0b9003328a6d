package com.incidentflow.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxBodySize the largest request body the API reads (everything under /api) */
@ConfigurationProperties("incident-flow.intake")
public record IntakeProperties(@DefaultValue("256KB") DataSize maxBodySize) {}
