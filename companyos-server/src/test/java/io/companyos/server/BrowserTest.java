package io.companyos.server;

import static io.companyos.server.ServerFixture.DASHBOARDS;
import static io.companyos.server.ServerFixture.MAY_OPEN;
import static io.companyos.server.ServerFixture.PACK_TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The server in a real headless Chromium: three demo users sign in through the form, open every dashboard and see
 * what the seed's access table gives them; forbidden pages answer 403 with no dashboard data. Screenshots of every
 * page go to {@code target/screenshots/}. Without Chromium the test is skipped, except on CI ({@code CI=true}), where
 * it fails.
 */
class BrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of("target/screenshots");

  @TempDir
  static Path tmp;

  static ServerFixture fixture;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present) {
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail("CI=true but Chromium is missing: install the Debian packages chromium and chromium-driver");
      }
      Assumptions.abort("Chromium and chromedriver are not installed; the browser tests run on CI");
    }
    Files.createDirectories(SHOTS);
    fixture = new ServerFixture(tmp.resolve("audit"));
    base = "http://127.0.0.1:" + fixture.server.port();
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  static WebDriver browser(String profile) throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile-" + profile)), "--window-size=1280,1000");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(20));
    return driver;
  }

  static void signIn(WebDriver driver, String user) {
    driver.get(base + "/");
    assertThat(driver.getCurrentUrl()).endsWith("/login");
    driver.findElement(By.name("username")).sendKeys(user);
    driver.findElement(By.name("password")).sendKeys(user + "-demo");
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    // The click may return before the form's navigation has begun: wait until the browser has left the login page (a
    // refused sign-in lands on "/login?error", which the assertion below reports).
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().endsWith("/login"));
    // Back where the user set out for (Spring Security adds "?continue" to the saved request).
    assertThat(driver.getCurrentUrl()).startsWith(base + "/").doesNotContain("login");
    assertThat(driver.getPageSource()).contains("Sign out (" + user + ")");
  }

  /** The HTTP status of {@code path} asked for from the page, with the user's session. */
  static long status(WebDriver driver, String path) {
    Object s = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status));", path);
    return ((Number) s).longValue();
  }

  static void shot(WebDriver driver, String name) throws Exception {
    File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void threeRolesSeeWhatTheirAccessLevelsGiveThemAndNothingElse() throws Exception {
    for (String user : List.of("ceo", "sre", "product")) {
      WebDriver driver = browser(user);
      try {
        signIn(driver, user);
        shot(driver, user + "-index");
        for (String id : DASHBOARDS.keySet()) {
          driver.get(base + "/dashboards/" + id);
          String html = driver.getPageSource();
          if (MAY_OPEN.get(user).contains(id)) {
            assertThat(driver.findElement(By.tagName("h1")).getText()).as(user + " " + id).isEqualTo(DASHBOARDS.get(id));
            assertThat(html).contains(PACK_TITLE.get(id));
            assertThat(status(driver, "/dashboards/" + id)).isEqualTo(200);
          } else {
            assertThat(driver.findElement(By.tagName("h1")).getText()).as(user + " " + id).isEqualTo("Forbidden");
            assertThat(html).doesNotContain(DASHBOARDS.get(id), PACK_TITLE.get(id), "<table");
            assertThat(status(driver, "/dashboards/" + id)).as(user + " " + id).isEqualTo(403);
          }
          shot(driver, user + "-" + id);
        }
      } finally {
        driver.quit();
      }
    }
  }

  @Test
  void redactionShowsInTheBrowserAsInThePack() throws Exception {
    WebDriver driver = browser("redaction");
    try {
      signIn(driver, "sre");
      driver.get(base + "/dashboards/product-health");
      assertThat(driver.getPageSource()).contains("restricted: visible to Customer Success, Product, Leadership");
    } finally {
      driver.quit();
    }
  }

  @Test
  void pagesReadOnAPhoneAndAreKeyboardNavigable() throws Exception {
    WebDriver driver = browser("phone");
    try {
      signIn(driver, "sre");
      driver.manage().window().setSize(new Dimension(390, 844));
      driver.get(base + "/dashboards/ops-review");
      JavascriptExecutor js = (JavascriptExecutor) driver;
      // Nothing wider than the screen but the tables, which scroll inside themselves.
      Number page = (Number) js.executeScript("return document.documentElement.scrollWidth;");
      Number screen = (Number) js.executeScript("return window.innerWidth;");
      assertThat(page.longValue()).isLessThanOrEqualTo(screen.longValue());
      shot(driver, "sre-ops-review-phone");
      // The first Tab reaches the skip link, which shows itself and leads to the content.
      driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
      Object active = js.executeScript("return document.activeElement.textContent;");
      assertThat(active).isEqualTo("Skip to content");
      Object outline = js.executeScript("return getComputedStyle(document.activeElement).outlineStyle;");
      assertThat(outline).isEqualTo("solid");
      driver.switchTo().activeElement().sendKeys(Keys.ENTER);
      assertThat(driver.getCurrentUrl()).endsWith("#main");
    } finally {
      driver.quit();
    }
  }
}
