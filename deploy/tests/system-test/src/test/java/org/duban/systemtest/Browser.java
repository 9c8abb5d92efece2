package org.duban.systemtest;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's Chromium (/usr/bin/chromium) driven through its own chromedriver, headless, started once per test
 * JVM: Selenium is told both paths, so Selenium Manager never runs and nothing is downloaded. The flags keep
 * a headless Chromium as root quiet on a closed network (STACK.md).
 */
final class Browser {

    static final String CHROMIUM = System.getProperty("duban.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("duban.chromedriver", "/usr/bin/chromedriver");
    static final Dimension DESKTOP = new Dimension(1440, 1000);
    static final Dimension PHONE = new Dimension(390, 844);

    static final Path DOWNLOADS = Path.of("target", "downloads");

    private static ChromeDriver driver;
    private static Path profile;

    private Browser() {
    }

    static synchronized ChromeDriver get() {
        if (driver == null) {
            driver = start();
        }
        return driver;
    }

    private static ChromeDriver start() {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("The console's browser tests need Debian's Chromium and its driver: apt-get install -y chromium chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "; .ci/run installs them)");
        }
        try {
            Files.createDirectories(DOWNLOADS);
            profile = Files.createTempDirectory("duban-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-default-apps", "--disable-sync", "--lang=zh-CN", "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        // files the console saves (evidence downloads) land in target/downloads
        chrome.executeCdpCommand("Browser.setDownloadBehavior", java.util.Map.of("behavior", "allow",
                "downloadPath", DOWNLOADS.toAbsolutePath().toString(), "eventsEnabled", false));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                chrome.quit();
            } catch (RuntimeException ignored) {
                // the JVM is going anyway
            }
        }, "chromium-stop"));
        return chrome;
    }

    static WebDriverWait await(Duration timeout) {
        return new WebDriverWait(get(), timeout);
    }

    static WebElement visible(String css) {
        return await(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /**
     * A success message saying {@code text}: an earlier step's message can still be shown (they fade after a few
     * seconds), so "some success message" does not tell that this step's request has finished.
     */
    static WebElement success(String text) {
        return await(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[contains(@class,'el-message--success')][contains(normalize-space(.),'" + text + "')]")));
    }

    /** The first of the matching elements that is displayed (closed dialogs stay in the page, hidden). */
    static WebElement shown(String css) {
        return await(Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    static WebElement clickable(String css) {
        return await(Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    }

    static List<WebElement> all(String css) {
        return get().findElements(By.cssSelector(css));
    }

    static void waitForText(String css, String text) {
        await(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** A click by script: Element Plus overlays (dialogs fading in) must not swallow it. */
    static void click(WebElement element) {
        ((JavascriptExecutor) get()).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    static void size(Dimension size) {
        get().manage().window().setSize(size);
    }

    /** A screenshot of the page as it is, kept under target/screenshots (the file name says what it shows). */
    static Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("duban.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, get().getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the page wrote to its console since the last call (for a failed test's report). */
    static String consoleLog() {
        StringBuilder out = new StringBuilder();
        get().manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
                .forEach(entry -> out.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n'));
        return out.toString();
    }

    /** Runs asynchronous JavaScript in the page: the last argument is the callback that hands back the result. */
    static Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) get()).executeAsyncScript(js, args);
    }

    static Object script(String js, Object... args) {
        return ((JavascriptExecutor) get()).executeScript(js, args);
    }
}
