package com.incidentflow.webapps;

import com.incidentflow.process.engine.EngineDoorConfiguration.WebappsPath;
import com.incidentflow.security.EngineRestProblems;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.catalina.Container;
import org.apache.catalina.Wrapper;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Corrections to the Camunda webapps (Tasklist, Cockpit, Admin, Welcome) as the starter registers them. */
@Configuration
public class WebappsConfiguration {

  /** The webapps' REST servlets, by the names Camunda's webapp initializer gives them. */
  static final List<String> WEBAPP_APIS = List.of("Cockpit Api", "Admin Api", "Tasklist Api", "Engine Api", "Welcome Api");

  /**
   * Mapped like Camunda's header security filter; registered as "match before", so it runs ahead of
   * every filter the webapp initializer adds.
   */
  @Bean
  FilterRegistrationBean<RequestScopedCspNonceFilter> requestScopedCspNonceFilter(WebappsPath webapps) {
    String applicationPath = webapps.value();
    FilterRegistrationBean<RequestScopedCspNonceFilter> registration = new FilterRegistrationBean<>(new RequestScopedCspNonceFilter());
    registration.addUrlPatterns(applicationPath + "/app/*", applicationPath + "/api/*");
    return registration;
  }

  /**
   * The webapps' REST servlets start with the app, not on the first request: starting one takes
   * seconds, and the first person to open Tasklist after a restart got a blank page when its plugin
   * script waited longer than the page's module loader allows. Camunda's initializer adds them
   * without a load-on-startup; Tomcat tells us as each is added.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> webappApisStartWithTheApp() {
    return factory -> factory.addContextCustomizers(context -> context.addContainerListener(event -> {
      if (Container.ADD_CHILD_EVENT.equals(event.getType())
          && event.getData() instanceof Wrapper servlet
          && WEBAPP_APIS.contains(servlet.getName())) {
        servlet.setLoadOnStartup(1);
        // Jersey builds these servlets' mappers from here: the database away answers 503 there too.
        servlet.addInitParameter("jersey.config.server.provider.classnames",
            EngineRestProblems.WEBAPP_MAPPERS.stream().map(Class::getName).collect(Collectors.joining(",")));
      }
    }));
  }
}
