package com.incidentflow.metrics.cockpit;

import com.incidentflow.localization.TeamTime;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/** /camunda/api/cockpit/plugin/incident-metrics/{engine}/metrics */
@Path("plugin/" + IncidentMetricsCockpitPlugin.ID)
public class IncidentMetricsRootResource extends AbstractCockpitPluginRootResource {

  public IncidentMetricsRootResource() {
    super(IncidentMetricsCockpitPlugin.ID);
  }

  @Context private ServletContext servlet;
  @Context private HttpHeaders headers;

  @Path("{engineName}/metrics")
  public IncidentMetricsResource metrics(@PathParam("engineName") String engineName) {
    // Jersey, not Spring, creates this resource: the app's formatter of times comes from the app's context.
    TeamTime time = WebApplicationContextUtils.getRequiredWebApplicationContext(servlet).getBean(TeamTime.class);
    return subResource(
        new IncidentMetricsResource(engineName, time, TeamTime.readerLocale(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))),
        engineName);
  }
}
