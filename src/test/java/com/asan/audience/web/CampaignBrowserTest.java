package com.asan.audience.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Create a campaign for a saved segment in the browser, see the live audience, send it, read the report. */
class CampaignBrowserTest extends BrowserTestBase {

    private static final ServerSetup SMTP = new ServerSetup(
            com.asan.audience.support.SecondInstance.freePort(), "localhost", ServerSetup.PROTOCOL_SMTP);

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(SMTP);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", SMTP::getPort);
    }

    @Test
    void createAndSendACampaignToASavedSegment() throws Exception {
        TestAccount account = newAccount();
        account.api().patch("/api/account", Map.of("postalAddress", "1 Main St, Halifax NS"));
        for (int i = 0; i < 3; i++) {
            account.api().post("/api/leads", Map.of("email", "hot" + i + "@example.com", "status", "Hot"));
        }
        account.api().post("/api/leads", Map.of("email", "cold@example.com", "status", "Cold"));
        account.api().post("/api/segments", Map.of("name", "Hot leads", "criteria", Map.of("match", "all",
                "conditions", List.of(Map.of("field", "status", "operator", "is", "value", "Hot")))));

        signIn(account.email(), account.password());
        wait.until(ExpectedConditions.urlContains("/leads"));
        browser.get(url("/campaigns"));
        browser.findElement(By.id("new-campaign")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("campaign-form")));
        browser.findElement(By.name("name")).sendKeys("Spring open house");
        new Select(browser.findElement(By.id("segmentId"))).selectByVisibleText("Hot leads");
        wait.until(ExpectedConditions.textToBe(By.id("audience-count"), "3"));
        browser.findElement(By.name("subject")).sendKeys("Hi {{first_name|there}}");
        browser.findElement(By.name("fromName")).sendKeys("Asan Realty");
        browser.findElement(By.name("fromEmail")).sendKeys("news@asan.example");
        browser.findElement(By.name("html")).clear(); // the starter body's placeholder cannot be sent
        browser.findElement(By.name("html")).sendKeys("<p>Hi {{first_name|there}}, come to the open house.</p>");
        browser.findElement(By.id("save-campaign")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("send-now")));
        assertThat(browser.findElement(By.id("audience-count")).getText()).isEqualTo("3");
        screenshot("campaign-form");
        browser.findElement(By.id("send-now")).click();
        browser.switchTo().alert().accept();

        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            driver.navigate().refresh();
            return driver.findElements(By.id("campaign-status")).stream()
                    .anyMatch(status -> status.getText().equals("sent"));
        });
        assertThat(browser.findElement(By.id("stat-sent")).getText()).isEqualTo("3");
        assertThat(browser.findElements(By.cssSelector("#recipient-table tbody tr"))).hasSize(3);
        screenshot("campaign-report");
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }
}
