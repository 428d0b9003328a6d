package com.incidentflow.process.engine;

/** An incident as features name it: its number, its process instance, and whether it is still open. */
public record IncidentRef(String number, String processInstanceId, boolean open) {}
