package com.incidentflow.metrics.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** /camunda/api/cockpit/plugin/incident-metrics/{engine}/metrics */
@Path("plugin/" + IncidentMetricsCockpitPlugin.ID)
public class IncidentMetricsRootResource extends AbstractCockpitPluginRootResource {

  public IncidentMetricsRootResource() {
    super(IncidentMetricsCockpitPlugin.ID);
  }

  @Path("{engineName}/metrics")
  public IncidentMetricsResource metrics(@PathParam("engineName") String engineName) {
    return subResource(new IncidentMetricsResource(engineName), engineName);
  }
}
