package io.companyos.server;

import io.companyos.model.base.CompanyOsException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.HttpEncodingAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.server.WebServerException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The dashboard server on its own: an embedded Tomcat with exactly the Spring Boot parts it needs (web MVC, error
 * pages, Spring Security) and {@link DashboardWebConfiguration}. Reads no {@code application.properties}: everything
 * comes from the {@link ServerSettings}. The session cookie is {@code HttpOnly}, {@code SameSite=Lax} and, unless turned
 * off, {@code Secure}; sessions are tracked by cookie only.
 *
 * <pre>{@code
 * try (DashboardServer server = DashboardServer.start(served, ServerSettings.demo(), "127.0.0.1", 8080)) {
 *   server.await();
 * }
 * }</pre>
 */
public final class DashboardServer implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private final CountDownLatch closed = new CountDownLatch(1);

  private DashboardServer(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** The Spring Boot parts the standalone server runs on, and the server itself. */
  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
      DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
      HttpEncodingAutoConfiguration.class, ErrorMvcAutoConfiguration.class, SecurityAutoConfiguration.class,
      SecurityFilterAutoConfiguration.class})
  @Import(DashboardWebConfiguration.class)
  static class Standalone {}

  /** Starts serving {@code served} on {@code bindAddress}:{@code port} (0: any free port). */
  public static DashboardServer start(ServedCompany served, ServerSettings settings, String bindAddress, int port) {
    if (System.getProperty("org.springframework.boot.logging.LoggingSystem") == null) {
      // The application's own logging set-up stays in charge; Spring Boot does not reconfigure it.
      System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    }
    SpringApplication app = new SpringApplication(Standalone.class);
    app.setWebApplicationType(WebApplicationType.SERVLET);
    app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
    app.setLogStartupInfo(false);
    app.setDefaultProperties(properties(settings, bindAddress, port));
    app.addInitializers(ctx -> {
      ctx.getBeanFactory().registerSingleton("companyOsServedCompany", served);
      ctx.getBeanFactory().registerSingleton("companyOsServerSettings", settings);
    });
    try {
      return new DashboardServer(app.run());
    } catch (WebServerException e) {
      throw new CompanyOsException("COS-SRV-007", "cannot listen on " + bindAddress + ":" + port + ": "
          + rootMessage(e), null, "choose another --port or --bind address", e);
    } catch (RuntimeException e) {
      CompanyOsException located = find(e);
      if (located != null) {
        throw located;
      }
      throw e;
    }
  }

  static Map<String, Object> properties(ServerSettings settings, String bindAddress, int port) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("spring.config.location", "optional:classpath:/io/companyos/server/none.properties");
    p.put("server.address", bindAddress);
    p.put("server.port", port);
    p.put("server.servlet.session.cookie.http-only", true);
    p.put("server.servlet.session.cookie.secure", settings.secureCookie());
    p.put("server.servlet.session.cookie.same-site", "lax");
    p.put("server.servlet.session.tracking-modes", "cookie");
    p.put("server.servlet.session.timeout", "8h");
    p.put("server.error.include-stacktrace", "never");
    p.put("server.error.include-message", "never");
    p.put("server.server-header", "");
    p.put("spring.main.banner-mode", "off");
    return p;
  }

  /** The port the server listens on. */
  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** The application context (for tests). */
  ConfigurableApplicationContext context() {
    return context;
  }

  /** Blocks until the server is closed (or the process is interrupted). */
  public void await() throws InterruptedException {
    closed.await();
  }

  @Override
  public void close() {
    context.close();
    closed.countDown();
  }

  private static @org.jspecify.annotations.Nullable CompanyOsException find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CompanyOsException c) {
        return c;
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }
}
