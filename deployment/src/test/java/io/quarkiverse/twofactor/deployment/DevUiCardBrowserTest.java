package io.quarkiverse.twofactor.deployment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.path.json.JsonPath;

/**
 * The Dev UI card in headless Chromium: opened before any confirmation exists, it shows a new one and its code, which
 * the {@code log} backend wrote, without a reload. Debian's {@code chromium} and {@code chromium-driver} packages
 * provide the browser and its driver. Leaves {@code target/browser/dev-ui-card.png}.
 */
@Tag("browser")
class DevUiCardBrowserTest {

    private static final int PORT = TestApps.freePort();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target", "browser", "dev-ui-card.png");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String PHONE = "+15550107788";
    /** The card's component sits inside the Dev UI's own components: this finds it through their shadow roots. */
    private static final String CARD_TEXT = """
            function find(root) {
                const card = root.querySelector('qwc-two-factor-confirmations');
                if (card) return card;
                for (const host of root.querySelectorAll('*')) {
                    const inside = host.shadowRoot && find(host.shadowRoot);
                    if (inside) return inside;
                }
                return null;
            }
            const card = find(document);
            return card && card.shadowRoot ? card.shadowRoot.textContent : '';
            """;

    @RegisterExtension
    static final QuarkusDevModeTest app = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addAsResource(TestApps.devModeConfig(PORT), "application.properties"));

    @Test
    void aNewConfirmationAndItsCodeAppearOnTheOpenCardWithoutAReload() throws Exception {
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                // Containers and CI runners often run as root, where Chromium's sandbox cannot start.
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900");
        ChromeDriver browser = new ChromeDriver(driver, options);
        try {
            WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
            browser.get("http://localhost:" + PORT + "/q/dev-ui/quarkus-two-factor/confirmations");
            wait.until(page -> cardText(browser).contains("No confirmations yet"));

            JsonPath made = given().port(PORT).contentType("application/json")
                    .body("{\"recipient\": \"" + PHONE + "\"}")
                    .post("/two-factor/request-confirmation")
                    .then().statusCode(201).extract().jsonPath();
            String id = made.getString("id");
            String code = made.getString("code");

            wait.until(page -> cardText(browser).contains(id) && cardText(browser).contains(code));
            String card = cardText(browser);
            assertThat(card, containsString("pending"));
            assertThat(card, containsString("+1•••••7788"));
            assertThat("the card shows the whole number", card, not(containsString(PHONE)));
            assertThat(card, containsString("log"));
        } finally {
            File taken = browser.getScreenshotAs(OutputType.FILE);
            Files.createDirectories(SCREENSHOT.getParent());
            Files.copy(taken.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
            browser.quit();
        }
    }

    private static String cardText(ChromeDriver browser) {
        return (String) browser.executeScript(CARD_TEXT);
    }
}
