package com.incidentflow.webapps;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.camunda.bpm.webapp.impl.security.filter.headersec.provider.impl.ContentSecurityPolicyProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the webapps' Content-Security-Policy nonce with the request it was made for.
 *
 * <p>Camunda's header filter draws a fresh nonce for every response but parks it in a
 * <em>servlet-context</em> attribute, from where the index page filter reads it a moment later to
 * stamp the page's scripts. Two requests at once overwrite each other's nonce, the header and the
 * page disagree, the browser blocks every script and the page stays blank. Camunda 7 CE gets no
 * fix, so this filter runs in front of Camunda's and hands them a view of the servlet context in
 * which that one attribute lives on the request; everything else is the real context. The policy
 * itself is Camunda's, unchanged.
 */
public class RequestScopedCspNonceFilter extends OncePerRequestFilter {

  static final String NONCE_ATTRIBUTE = ContentSecurityPolicyProvider.ATTR_CSP_FILTER_NONCE;

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new NonceScopedRequest(request), response);
  }

  private static final class NonceScopedRequest extends HttpServletRequestWrapper {

    private final ServletContext context;

    NonceScopedRequest(HttpServletRequest request) {
      super(request);
      this.context = nonceOnRequest(request.getServletContext(), request);
    }

    @Override
    public ServletContext getServletContext() {
      return context;
    }
  }

  /** ServletContext has dozens of methods; a proxy delegates them all and diverts the nonce's three. */
  static ServletContext nonceOnRequest(ServletContext shared, HttpServletRequest request) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (isNonceAccess(method, args)) {
        switch (method.getName()) {
          case "getAttribute":
            return request.getAttribute(NONCE_ATTRIBUTE);
          case "setAttribute":
            request.setAttribute(NONCE_ATTRIBUTE, args[1]);
            return null;
          default:
            request.removeAttribute(NONCE_ATTRIBUTE);
            return null;
        }
      }
      try {
        return method.invoke(shared, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (ServletContext) Proxy.newProxyInstance(
        ServletContext.class.getClassLoader(), new Class<?>[] {ServletContext.class}, handler);
  }

  private static boolean isNonceAccess(Method method, Object[] args) {
    String name = method.getName();
    return (name.equals("getAttribute") || name.equals("setAttribute") || name.equals("removeAttribute"))
        && args != null && args.length >= 1 && NONCE_ATTRIBUTE.equals(args[0]);
  }
}
