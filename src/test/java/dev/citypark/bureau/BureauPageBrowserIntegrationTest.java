package dev.citypark.bureau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.security.TestCallers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The bureau page in a real browser: Debian's headless {@code chromium} driven by its {@code chromedriver}
 * (skipped when either is missing — a class condition, so no application is started for nothing; {@code .ci/run}
 * installs both; {@code -Dcitypark.chromium=…}/{@code -Dcitypark.chromedriver=…} point elsewhere). The simulator runs in 莱西 (370285) so the map has
 * live places to colour. Checks that the city is drawn, places are coloured by the live stream, sign-in as BUREAU
 * works, and the analytics charts draw — or, on a server without the analytics endpoints, that the page says so
 * visibly. Leaves a screenshot at {@code target/bureau-screenshot.png}.
 */
@CityparkIntegrationTest
@TestPropertySource(properties = {
        "citypark.simulator.enabled=true",
        "citypark.simulator.speed=60",
        "citypark.simulator.seed=909090",
        "citypark.simulator.districts=370285",
        "citypark.simulator.segment-share=0.2",
        "citypark.simulator.gated-lots=2",
        "citypark.simulator.drivers=0",
        "citypark.simulator.warm-up=2s",
        "citypark.simulator.lot-report-interval=5s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@EnabledIf(value = "browserAvailable", disabledReason = "needs /usr/bin/chromium and /usr/bin/chromedriver "
        + "(Debian packages chromium, chromium-driver)")
class BureauPageBrowserIntegrationTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("citypark.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("citypark.chromedriver",
            "/usr/bin/chromedriver"));
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    private WebDriver browser;

    /** Evaluated before the Spring context starts, so a machine without the browser pays nothing for this class. */
    static boolean browserAvailable() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @BeforeEach
    void startBrowser() {
        assumeTrue(browserAvailable(), "needs chromium and chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1500,1100", "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void drawsTheCityColoursItLiveSignsInAndShowsTheAnalytics() throws IOException {
        browser.get("http://127.0.0.1:" + port + "/bureau/");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE, Duration.ofMillis(500));

        // the city is drawn from the registry's GeoJSON, then coloured by the availability streams
        WebElement map = browser.findElement(By.id("map"));
        wait.until(d -> number(map.getDomAttribute("data-places")) > 5_000);
        assertThat(browser.findElements(By.cssSelector("#map .district"))).hasSize(10);
        wait.until(d -> number(map.getDomAttribute("data-live")) > 0);
        assertThat(browser.findElements(By.cssSelector("#map .lot.occ-0, #map .lot.occ-1, #map .lot.occ-2, "
                + "#map .lot.occ-3"))).isNotEmpty();

        int seriesBefore = analyticsAvailable() ? utilizationSeries() : 0;
        // sign in as BUREAU: the token is kept in memory, the analytics load
        browser.findElement(By.id("client-secret")).sendKeys(TestCallers.BUREAU_CLIENT_SECRET);
        browser.findElement(By.id("sign-in-button")).click();
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-signed-in")));
        assertThat(browser.findElement(By.id("sign-in-status")).getText()).contains("BUREAU");

        WebElement chart = browser.findElement(By.id("utilization-chart"));
        WebElement table = browser.findElement(By.id("quality-table"));
        wait.until(d -> chart.getDomAttribute("data-drawn") != null && table.getDomAttribute("data-loaded") != null);
        if (analyticsAvailable()) {
            assertThat(chart.getDomAttribute("data-drawn")).isEqualTo("true");
            // the chart shows what the server has for the last 24 hours: what earlier tests left in the shared
            // embedded servers depends on the order the test classes run in, so the count is compared with the
            // API's own answer (districts only gain data while the test runs), and every series is drawn
            int series = number(chart.getDomAttribute("data-series"));
            assertThat(series).isBetween(seriesBefore, utilizationSeries());
            assertThat(browser.findElements(By.cssSelector("#utilization-chart path.series"))).hasSize(series);
            assertThat(table.getDomAttribute("data-loaded")).isEqualTo("true");
        }
        else {
            // the page degrades visibly: a message instead of a chart
            assertThat(chart.getDomAttribute("data-drawn")).isEqualTo("false");
            WebElement message = browser.findElement(By.id("utilization-message"));
            assertThat(message.isDisplayed()).isTrue();
            assertThat(message.getText()).contains("Utilization");
        }

        // whatever the server has, the chart code draws the analytics contract's shape (gaps where a bucket has no
        // fresh data): rendered off-page from the page's own module
        Object drawn = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/bureau/js/charts.js').then((charts) => {
                  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
                  const legend = document.createElement('ul');
                  const point = (start, rate) => ({ start, occupancyRate: rate, meanOccupied: 1, maxOccupied: 2,
                      staleShare: 0 });
                  charts.renderUtilization(svg, legend, { groupBy: 'district', interval: '1h', series: [
                      { key: '370202', name: '市南区', capacity: 100, points: [point('2025-03-03T00:00:00Z', 0.5),
                          point('2025-03-03T01:00:00Z', null), point('2025-03-03T02:00:00Z', 0.7)] },
                      { key: '370203', name: '市北区', capacity: 90, points: [point('2025-03-03T00:00:00Z', 0.2)] }] },
                    new Date('2025-03-03T00:00:00Z'), new Date('2025-03-04T00:00:00Z'));
                  const first = svg.querySelector('path.series').getAttribute('d');
                  done([svg.querySelectorAll('path.series').length, svg.dataset.points, legend.children.length,
                      (first.match(/M/g) || []).length]);
                }).catch((e) => done('error ' + e));
                """);
        assertThat(drawn).isEqualTo(List.of(2L, "3", 2L, 2L)); // two series, three points, a gap starts a new line

        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "bureau-screenshot.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);

        // nothing was blocked by the page's Content-Security-Policy, no script failed
        List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> e.getMessage().contains("Content Security Policy") || e.getMessage().contains("Uncaught"))
                .toList();
        assertThat(problems).isEmpty();
    }

    /** Districts with utilization in the last 24 hours, as the page asks for them (hours from the full hour). */
    private int utilizationSeries() {
        Instant to = Instant.now();
        Instant from = to.minus(Duration.ofHours(24)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        String token = TestCallers.bureauToken(web);
        String body = web.get().uri(uri -> uri.path("/api/v1/analytics/utilization")
                        .queryParam("groupBy", "district").queryParam("interval", "1h")
                        .queryParam("from", from.toString()).queryParam("to", to.toString()).build())
                .headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody()
                .collectList().map(parts -> String.join("", parts)).block(Duration.ofSeconds(30));
        try {
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).get("series").size();
        }
        catch (RuntimeException e) {
            throw new AssertionError("unexpected utilization answer: " + body, e);
        }
    }

    private boolean analyticsAvailable() {
        String token = TestCallers.bureauToken(web);
        int status = web.get().uri("/api/v1/analytics/operators/quality")
                .headers(h -> h.setBearerAuth(token))
                .exchange().returnResult(Void.class).getStatus().value();
        return status == 200;
    }

    private static int number(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text);
        }
        catch (NumberFormatException e) {
            return 0;
        }
    }
}
