package io.companyos.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.companyos.server.DashboardController;
import io.companyos.server.ServerSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The web feature of the starter: off by default, on with companyos.server.enabled=true, enforcing access levels. */
class ServerFeatureTest {
  @TempDir Path out;

  WebApplicationContextRunner runner() {
    return new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CompanyOsAutoConfiguration.class, CompanyOsServerAutoConfiguration.class,
            WebMvcAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, SecurityAutoConfiguration.class))
        .withPropertyValues("companyos.output-dir=" + out);
  }

  @Test
  void offByDefault() {
    runner().run(ctx -> {
      assertThat(ctx).hasNotFailed();
      assertThat(ctx).doesNotHaveBean(DashboardController.class).doesNotHaveBean(ServerSettings.class);
    });
  }

  @Test
  void onItServesTheDashboardsWithTheirAccessLevels() {
    runner().withPropertyValues("companyos.server.enabled=true", "companyos.server.demo-users=true").run(ctx -> {
      assertThat(ctx).hasNotFailed();
      assertThat(ctx).hasSingleBean(DashboardController.class).hasBean("companyOsDashboardSecurity");
      assertThat(ctx.getBeansOfType(SecurityFilterChain.class)).isNotEmpty();
      MockMvc mvc = MockMvcBuilders.webAppContextSetup(ctx).apply(springSecurity()).build();
      assertThat(mvc.perform(get("/dashboards/finops")).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
      MockHttpSession finops = (MockHttpSession) mvc.perform(formLogin().user("finops").password("finops-demo"))
          .andReturn().getRequest().getSession(false);
      assertThat(mvc.perform(get("/dashboards/finops").session(finops)).andReturn().getResponse().getStatus()).isEqualTo(200);
      assertThat(mvc.perform(get("/dashboards/exec-cockpit").session(finops)).andReturn().getResponse().getStatus())
          .isEqualTo(403);
    });
  }

  @Test
  void onWithoutAWayToSignInIsAStartupErrorThatSaysWhatToSet() {
    runner().withPropertyValues("companyos.server.enabled=true").run(ctx -> {
      assertThat(ctx).hasFailed();
      assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("companyos.server.users");
    });
  }
}
