package com.incidentflow.intake;

import com.incidentflow.api.ApiException;
import org.springframework.http.HttpStatus;

/** No incident has this number; answered 404. */
public class IncidentNotFoundException extends ApiException {

  public IncidentNotFoundException(String number) {
    super(HttpStatus.NOT_FOUND, "Incident not found", "No incident " + number + " exists");
  }
}
