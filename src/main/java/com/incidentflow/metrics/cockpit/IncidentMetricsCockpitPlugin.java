package com.incidentflow.metrics.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * Cockpit's server side of the "Incident metrics" view: a REST resource under the webapp's own
 * login and CSRF protection, and the view (plugin-webapp/incident-metrics/app/plugin.js), which Cockpit
 * loads for every Java plugin — so it is not listed again in config.js customScripts.
 */
public class IncidentMetricsCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "incident-metrics";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(IncidentMetricsRootResource.class);
  }
}
