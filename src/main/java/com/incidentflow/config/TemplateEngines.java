package com.incidentflow.config;

import java.util.Set;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Thymeleaf engines for documents the app renders itself (mails, reports), apart from the web views:
 * templates under one classpath folder, HTML by ".html" (escaping) and plain text by any other
 * given suffix, texts from a UTF-8 message bundle.
 */
public final class TemplateEngines {

  private TemplateEngines() {}

  public static ResourceBundleMessageSource messages(String basename) {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename(basename);
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }

  public static SpringTemplateEngine create(String folder, String textSuffix, ResourceBundleMessageSource messages) {
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.addTemplateResolver(resolver(folder, ".html", TemplateMode.HTML, 1));
    engine.addTemplateResolver(resolver(folder, textSuffix, TemplateMode.TEXT, 2));
    engine.setTemplateEngineMessageSource(messages);
    return engine;
  }

  private static ClassLoaderTemplateResolver resolver(String folder, String suffix, TemplateMode mode, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix(folder + "/");
    resolver.setResolvablePatterns(Set.of("*" + suffix));
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setOrder(order);
    resolver.setCheckExistence(true);
    return resolver;
  }
}
