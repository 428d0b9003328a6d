package com.incidentflow.intake;

/** No incident has this number; answered 404. */
public class IncidentNotFoundException extends RuntimeException {

  public IncidentNotFoundException(String number) {
    super("No incident " + number + " exists");
  }
}
