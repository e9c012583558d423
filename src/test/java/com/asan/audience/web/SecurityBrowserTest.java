package com.asan.audience.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * In Chromium: every page runs under its Content-Security-Policy without a console error from it, and a script in a
 * campaign's body runs neither in the preview nor in the campaign page's sandboxed frame.
 */
class SecurityBrowserTest extends BrowserTestBase {

    @Test
    void pagesRaiseNoCspErrorsAndCampaignScriptsNeverRun() {
        TestAccount account = newAccount();
        long segment = account.api().post("/api/segments", Map.of("name", "All", "criteria",
                Map.of("match", "all", "conditions", List.of()))).id();
        long lead = account.api().post("/api/leads", Map.of("email", "ann@x.example", "status", "Hot")).id();
        long campaign = account.api().post("/api/campaigns", Map.of("name", "Owned?", "subject", "S", "fromName", "A",
                "fromEmail", "a@x.example", "segmentId", segment, "html", "<p id=\"body\">Hello</p>"
                        + "<script>document.body.setAttribute('data-owned', 'yes');"
                        + "try { parent.document.title = 'owned'; } catch (e) {}</script>"
                        + "<img src=\"data:,x\" onerror=\"document.body.setAttribute('data-owned', 'img')\">")).id();
        signIn(account.email(), account.password());
        wait.until(ExpectedConditions.urlContains("/leads"));

        List<String> cspErrors = new ArrayList<>();
        for (String path : List.of("/leads", "/leads/" + lead, "/audience", "/audience/segments/new",
                "/audience/segments/" + segment, "/campaigns", "/campaigns/new", "/leads/import", "/settings/forms",
                "/settings/audit", "/swagger-ui/index.html")) {
            browser.get(url(path));
            wait.until(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete"));
            consoleMessages().stream().filter(m -> m.contains("Content Security Policy") || m.contains("SEVERE"))
                    .forEach(m -> cspErrors.add(path + ": " + m));
        }
        assertThat(cspErrors).isEmpty();

        browser.get(url("/campaigns/" + campaign));
        browser.findElement(By.cssSelector(".email-preview summary")).click();
        browser.switchTo().frame(browser.findElement(By.id("email-preview")));
        wait.until(d -> !d.findElements(By.id("body")).isEmpty());
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-owned")).isNull();
        browser.switchTo().defaultContent();
        assertThat(browser.getTitle()).doesNotContain("owned");

        browser.get(url("/campaigns/" + campaign + "/preview"));
        assertThat(browser.findElement(By.id("body")).getText()).isEqualTo("Hello");
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-owned"))
                .as("the preview opened on its own runs no script either").isNull();
    }
}
