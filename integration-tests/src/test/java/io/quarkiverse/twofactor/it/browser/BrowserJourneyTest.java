package io.quarkiverse.twofactor.it.browser;

import static io.quarkiverse.twofactor.it.AuthenticatorApp.stableStep;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkiverse.twofactor.it.identity.IdentityModeProfile;
import io.quarkiverse.twofactor.runtime.totp.Base32;
import io.quarkiverse.twofactor.runtime.totp.TotpAlgorithm;
import io.quarkiverse.twofactor.runtime.totp.TotpCodes;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The demo page in headless Chromium, as users go through it: alice signs in, adds a phone number and verifies it with
 * the code it received, performs the secured action with a fresh code, then replays that code and sees it refused;
 * bob adds an authenticator app from its QR code, gets recovery codes and performs the secured action with one. Debian's
 * {@code chromium} and {@code chromium-driver} packages provide the browser and its driver; Selenium is pointed at both
 * so that it never looks for, nor downloads, others.
 */
@QuarkusTest
@TestProfile(IdentityModeProfile.class)
@Tag("browser")
class BrowserJourneyTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "browser");
    private static final TotpCodes APP = new TotpCodes(TotpAlgorithm.SHA1, 6, Duration.ofSeconds(30));
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @TestHTTPResource("/")
    URL page;

    @BeforeAll
    static void startBrowser() {
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                // Containers and CI runners often run as root, where Chromium's sandbox cannot start.
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1000,1100");
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, PATIENCE);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Each journey starts signed out. */
    @BeforeEach
    void signedOut() {
        browser.manage().deleteAllCookies();
        browser.get(page.toString());
    }

    /** Kept after every run, passed or failed, to see where the journey ended: {@code target/browser/<test>.png}. */
    @AfterEach
    void keepScreenshot(TestInfo test) throws IOException {
        File taken = browser.getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOTS);
        Files.copy(taken.toPath(), SCREENSHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aliceVerifiesAPhonePerformsTheSecuredActionAndCannotReplayIt() {
        signIn("alice", "alice");

        String phone = "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        new Select(visible("add-sender")).selectByValue("default");
        visible("add-recipient").sendKeys(phone);
        click("add-destination");
        enterCodeDeliveredTo(phone, "To verify");
        awaitText("message", "is verified");
        String listing = visible("destinations").getText();
        assertThat(listing, containsString("verified, default"));
        assertThat("the listing masks the number", listing, not(containsString(phone)));

        click("secured-action");
        enterCodeDeliveredTo(phone, "secured action");
        awaitText("secured-action-result", "The server answered: done");

        click("secured-action-replay");
        awaitText("secured-action-result", "Refused (403)");
        assertThat(visible("secured-action-result").getDomAttribute("data-problem-type"),
                endsWith("confirmation-required"));
    }

    @Test
    void bobAddsAnAuthenticatorAppGetsRecoveryCodesAndPerformsTheSecuredActionWithOne() {
        signIn("bob", "bob");
        click("add-authenticator");
        WebElement qrCode = visible("enrolment-qr");
        wait.until(ready -> ((Number) browser.executeScript("return arguments[0].naturalWidth", qrCode)).intValue() > 0);
        byte[] secret = Base32.decode(visible("enrolment-secret").getText());
        long step = stableStep();
        visible("enrolment-code").sendKeys(APP.codeAt(secret, step));
        click("enrolment-verify");
        awaitText("message", "authenticator app is verified");
        assertThat(visible("authenticators").getText(), containsString("Phone (verified)"));

        // With a verified app, new recovery codes take the app's next code first.
        click("issue-recovery-codes");
        awaitText("code-reason", "authenticator app");
        visible("code-input").sendKeys(APP.codeAt(secret, step + 1));
        click("code-submit");
        awaitText("recovery-remaining", "10");
        List<WebElement> codes = browser.findElements(By.cssSelector("#recovery-codes li"));
        assertEquals(10, codes.size());

        new Select(visible("secured-action-method")).selectByValue("recovery-code");
        click("secured-action");
        awaitText("code-reason", "recovery codes");
        visible("code-input").sendKeys(codes.get(0).getText());
        click("code-submit");
        awaitText("secured-action-result", "The server answered: done");
        awaitText("recovery-remaining", "9");
    }

    private void signIn(String user, String password) {
        visible("username").sendKeys(user);
        visible("password").sendKeys(password);
        click("sign-in");
        awaitText("signed-in-user", user);
    }

    /**
     * Types the code the demo inbox last received for the recipient into the code form, once the form asks for it.
     * The form also shows the code, as debug-code-response does in dev and test.
     */
    private void enterCodeDeliveredTo(String recipient, String reasonShown) {
        awaitText("code-reason", reasonShown);
        String code = given().get("/demo/inbox/{recipient}", recipient).then().statusCode(200).extract().asString();
        assertEquals("Dev only: the code is " + code, visible("dev-code").getText());
        visible("code-input").sendKeys(code);
        click("code-submit");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("code-section")));
    }

    private WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private void awaitText(String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }
}
