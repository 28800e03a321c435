package etax.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromium-driver: both must be installed (the
 * browser profile fails without them; Selenium Manager never downloads anything, since the driver is
 * given). A fresh profile directory per run; screenshots go to {@code target/screenshots}.
 */
final class ConsoleBrowser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	private final ChromeDriver driver;

	private final String base;

	ConsoleBrowser(String base) throws IOException {
		for (Path needed : new Path[] { CHROMIUM, CHROMEDRIVER }) {
			if (!Files.isExecutable(needed)) {
				throw new IllegalStateException(needed + " is missing: install Debian's chromium and chromium-driver "
						+ "(apt-get install -y chromium chromium-driver) to run the browser test");
			}
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--window-size=1400,1100",
					"--user-data-dir=" + Files.createTempDirectory("etax-chromium"));
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		this.base = base;
		Files.createDirectories(SCREENSHOTS);
	}

	void open(String path) {
		this.driver.get(this.base + path);
	}

	void signIn(String token) {
		open("/console/login");
		this.driver.findElement(By.id("token")).sendKeys(token);
		this.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		waitFor(By.cssSelector("nav[aria-label=Console]"));
	}

	/** Signs in on the sign-in page the browser is on (a deep link's), and waits for the page it leads to. */
	void signInHere(String token) {
		this.driver.findElement(By.id("token")).sendKeys(token);
		click(By.cssSelector("main form button[type=submit]"));
	}

	void signOut() {
		this.driver.findElement(By.cssSelector("form.whoami button")).click();
		waitFor(By.id("token"));
	}

	/**
	 * Submits the form around the element and waits for the page it leads to: the old document carries a mark
	 * the new one has not. (Waiting for the clicked element to go stale races the navigation: the driver may
	 * ask about a node while its document is being replaced, and Chrome answers with an error, not with
	 * "stale".) Errors while the next page loads are waited out.
	 */
	void click(By by) {
		this.driver.executeScript("window.etaxLeaving = true");
		this.driver.findElement(by).click();
		new WebDriverWait(this.driver, Duration.ofSeconds(60)).ignoring(WebDriverException.class)
			.until((driver) -> Boolean.TRUE.equals(this.driver
				.executeScript("return window.etaxLeaving === undefined && document.readyState === 'complete'")));
	}

	WebElement waitFor(By by) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(60))
			.until(ExpectedConditions.presenceOfElementLocated(by));
	}

	String text(By by) {
		return this.driver.findElement(by).getText();
	}

	String page() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	WebDriver driver() {
		return this.driver;
	}

	void screenshot(String name) {
		File shot = this.driver.getScreenshotAs(OutputType.FILE);
		try {
			Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
