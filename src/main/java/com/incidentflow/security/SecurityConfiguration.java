package com.incidentflow.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers the authentication and header filters in front of every request. */
@Configuration
public class SecurityConfiguration {

  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(
      @Value("${incident-flow.security.hsts:false}") boolean hsts) {
    FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter(hsts));
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<BasicAuthenticationFilter> basicAuthenticationFilter(IdentityService identity) {
    FilterRegistrationBean<BasicAuthenticationFilter> registration = new FilterRegistrationBean<>(new BasicAuthenticationFilter(identity));
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
