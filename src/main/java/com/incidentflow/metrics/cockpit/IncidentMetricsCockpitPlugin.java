package com.incidentflow.metrics.cockpit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.incidentflow.localization.TeamTime;
import com.incidentflow.metrics.IncidentMetrics;
import com.incidentflow.metrics.IncidentMetricsService;
import com.incidentflow.api.InvalidRequestException;
import com.incidentflow.metrics.MetricsFigures;
import com.incidentflow.metrics.MetricsPeriod;
import com.incidentflow.process.engine.EngineDoorConfiguration.EngineClock;
import com.incidentflow.process.engine.ProcessModel;
import com.incidentflow.security.Groups;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

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
    return Set.of(RootResource.class);
  }

  /** /camunda/api/cockpit/plugin/incident-metrics/{engine}/metrics */
  @Path("plugin/" + ID)
  public static class RootResource extends AbstractCockpitPluginRootResource {

    public RootResource() {
      super(ID);
    }

    @Context private ServletContext servlet;
    @Context private HttpHeaders headers;

    @Path("{engineName}/metrics")
    public MetricsResource metrics(@PathParam("engineName") String engineName) {
      // Jersey, not Spring, creates this resource: the app's formatter of times comes from the app's context.
      // So does the pool the report's figures run on: one for the app, not one per request.
      WebApplicationContext app = WebApplicationContextUtils.getRequiredWebApplicationContext(servlet);
      return subResource(
          new MetricsResource(engineName, app.getBean(TeamTime.class), app.getBean(MetricsFigures.class),
              TeamTime.readerLocale(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))),
          engineName);
    }
  }

  /**
   * The same report as GET /api/metrics, for the Cockpit view. Jersey creates this resource, not
   * Spring, so it builds the service on the engine's own data source.
   */
  public static class MetricsResource extends AbstractCockpitPluginResource {

    /** Same default as incident-flow.metrics.default-period-days; the view always sends its period. */
    static final int DEFAULT_PERIOD_DAYS = 90;

    // The webapp's JSON provider knows no java.time types; this mapper writes them as ISO strings.
    private static final ObjectMapper JSON =
        new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Clock clock = new EngineClock(ZoneId.systemDefault());
    private final TeamTime time;
    private final MetricsFigures figures;
    private final Locale reader;

    public MetricsResource(String engineName, TeamTime time, MetricsFigures figures, Locale reader) {
      super(engineName);
      this.time = time;
      this.figures = figures;
      this.reader = reader;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String metrics(@QueryParam("from") String from, @QueryParam("to") String to) {
      // The webapps' own session login: the same readers as /api/metrics.
      Authentication user = getCurrentAuthentication();
      if (user == null || user.getUserId() == null) {
        throw failure(Status.UNAUTHORIZED, "Incident metrics need an authenticated user");
      }
      List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
      if (groups.stream().noneMatch(Groups.METRICS_READERS::contains)) {
        throw failure(Status.FORBIDDEN, "User '" + user.getUserId() + "' may not read incident metrics: only members of "
            + String.join(" or ", Groups.METRICS_READERS.stream().sorted().toList()) + " may");
      }
      ProcessEngine engine = getProcessEngine();
      ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      IncidentMetricsService service = IncidentMetricsService.on(configuration.getDataSource(), new ProcessModel(engine.getRepositoryService(), engine.getDecisionService()), clock, figures);
      MetricsPeriod period;
      try {
        period = MetricsPeriod.of(date(from), date(to), Date.from(clock.instant()), DEFAULT_PERIOD_DAYS, time.zone());
      } catch (InvalidRequestException | DateTimeParseException e) {
        throw failure(Status.BAD_REQUEST, e.getMessage());
      }
      try {
        return JSON.writeValueAsString(view(service.report(period)));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The report as /api/metrics has it, plus each time in the words the reader sees (reportedAtText). */
    private ObjectNode view(IncidentMetrics metrics) {
      ObjectNode view = JSON.valueToTree(metrics);
      for (int i = 0; i < metrics.oldestOpen().size(); i++) {
        ((ObjectNode) view.get("oldestOpen").get(i)).put("reportedAtText", time.format(metrics.oldestOpen().get(i).reportedAt(), reader));
      }
      return view;
    }

    private static LocalDate date(String text) {
      return text == null || text.isBlank() ? null : LocalDate.parse(text);
    }

    private static WebApplicationException failure(Status status, String message) {
      return new WebApplicationException(
          Response.status(status).type(MediaType.TEXT_PLAIN).entity(message).build());
    }
  }
}
