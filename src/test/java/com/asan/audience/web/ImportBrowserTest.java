package com.asan.audience.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Upload a CSV, map its columns (one becomes a new select field, status words translated), watch it finish. */
class ImportBrowserTest extends BrowserTestBase {

    @Test
    void uploadMapProgressAndSummary() throws Exception {
        TestAccount account = newAccount();
        StringBuilder csv = new StringBuilder("Full Name;E-mail;Interested;Neighbourhood\r\n");
        for (int i = 0; i < 3000; i++) {
            csv.append("Buyer ").append(i).append(";buyer").append(i).append("@example.com;")
                    .append(i % 3 == 0 ? "yes" : "no").append(';').append(i % 2 == 0 ? "Riverside" : "Old Town")
                    .append("\r\n");
        }
        csv.append("Broken Row;not-an-email;yes;Riverside\r\n");
        Path file = Files.createTempFile("browser-import", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        signIn(account.email(), account.password());
        wait.until(ExpectedConditions.urlContains("/leads"));
        browser.findElement(By.id("import-leads")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("file")));
        browser.findElement(By.id("file")).sendKeys(file.toString());
        browser.findElement(By.id("upload")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mapping-form")));
        assertThat(browser.findElements(By.cssSelector("#preview-rows tbody tr"))).hasSize(10);
        assertThat(new Select(browser.findElement(By.id("target0"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("fullName");
        assertThat(new Select(browser.findElement(By.id("target1"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("email");
        new Select(browser.findElement(By.id("target2"))).selectByValue("status");
        browser.findElement(By.name("values2")).sendKeys("yes = Hot\nno = Cold");
        new Select(browser.findElement(By.id("target3"))).selectByValue("new");
        assertThat(new Select(browser.findElement(By.name("newType3"))).getFirstSelectedOption().getText())
                .isEqualTo("select");
        browser.findElement(By.id("addTags")).sendKeys("spring list");
        screenshot("import-mapping");
        browser.findElement(By.id("start-import")).click();

        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("import-done")));
        assertThat(browser.findElement(By.id("import-state")).getText()).isEqualTo("completed");
        assertThat(browser.findElement(By.id("import-created")).getText()).isEqualTo("3000");
        assertThat(browser.findElement(By.id("import-failed")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("import-progress")).getAttribute("value")).isEqualTo("100");
        screenshot("import-summary");
        String errorsUrl = browser.findElement(By.id("errors-download")).getAttribute("href");
        assertThat(errorsUrl).endsWith("/errors.csv");

        var hot = account.api().post("/api/segments/preview", java.util.Map.of("criteria", java.util.Map.of("match",
                "all", "conditions", java.util.List.of(java.util.Map.of("field", "custom.neighbourhood",
                        "operator", "is", "value", "Riverside"), java.util.Map.of("field", "status", "operator", "is",
                        "value", "Hot")))));
        assertThat(hot.json().get("count").asLong()).isEqualTo(500);
    }
}
