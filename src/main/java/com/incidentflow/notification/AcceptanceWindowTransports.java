package com.incidentflow.notification;

import jakarta.mail.NoSuchProviderException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The mail sender's session sends through {@link AcceptanceWindowTransport} (smtp and smtps). */
@Configuration(proxyBeanMethods = false)
class AcceptanceWindowTransports {

  @Bean
  static BeanPostProcessor acceptanceWindowTransport() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof JavaMailSenderImpl sender) {
          try {
            sender.getSession().setProvider(AcceptanceWindowTransport.provider("smtp", AcceptanceWindowTransport.class));
            sender.getSession().setProvider(AcceptanceWindowTransport.provider("smtps", AcceptanceWindowTransport.Ssl.class));
          } catch (NoSuchProviderException e) {
            throw new IllegalStateException("Cannot send mail through the acceptance window", e);
          }
        }
        return bean;
      }
    };
  }
}
