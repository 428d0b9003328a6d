package com.incidentflow.webapps;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Corrections to the Camunda webapps (Tasklist, Cockpit, Admin, Welcome) as the starter registers them. */
@Configuration
public class WebappsConfiguration {

  /**
   * Mapped like Camunda's header security filter; registered as "match before", so it runs ahead of
   * every filter the webapp initializer adds.
   */
  @Bean
  FilterRegistrationBean<RequestScopedCspNonceFilter> requestScopedCspNonceFilter(CamundaBpmProperties camunda) {
    String applicationPath = camunda.getWebapp().getApplicationPath();
    FilterRegistrationBean<RequestScopedCspNonceFilter> registration = new FilterRegistrationBean<>(new RequestScopedCspNonceFilter());
    registration.addUrlPatterns(applicationPath + "/app/*", applicationPath + "/api/*");
    return registration;
  }
}
