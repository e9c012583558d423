package com.asan.audience.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.demo.DemoAccountSeeder;
import com.asan.audience.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

class AudienceBuilderBrowserTest extends BrowserTestBase {

    @Autowired
    DemoAccountSeeder seeder;

    Api api;

    static Map<String, Object> cond(String field, String operator, Object value) {
        return Map.of("field", field, "operator", operator, "value", value);
    }

    long apiCount(String match, Object... conditions) {
        Api.Response response = api.post("/api/segments/preview",
                Map.of("criteria", Map.of("match", match, "conditions", List.of(conditions))));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("count").asLong();
    }

    void waitForLiveCount(long expected) {
        wait.until(driver -> String.valueOf(expected)
                .equals(driver.findElement(By.id("live-count")).getAttribute("data-count")));
    }

    List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#criteria-tree .condition"));
    }

    void fillCondition(WebElement row, String field, String operator) {
        new Select(row.findElement(By.cssSelector("select.field"))).selectByValue(field);
    }

    @Test
    void buildSaveEditDuplicateAndDeleteASegment() throws Exception {
        var demo = seeder.seed(400, 11L, "builder." + System.nanoTime() + "@test.example", "velvet-lantern-1");
        api = anonymous().withKey(demo.apiKey());
        long leadsBefore = api.get("/api/leads?size=1").json().get("total").asLong();
        signIn(demo.email(), demo.password());
        wait.until(ExpectedConditions.urlContains("/leads"));

        browser.get(url("/audience"));
        assertThat(browser.findElement(By.cssSelector(".empty-state")).getText()).contains("tag");
        browser.findElement(By.id("create-segment")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#criteria-tree .condition")));
        assertThat(rows()).as("a new segment starts with one empty row").hasSize(1);
        assertThat(rows().get(0).getAttribute("class")).contains("incomplete");

        browser.findElement(By.id("segment-name")).sendKeys("Hot from Facebook");
        new Select(rows().get(0).findElement(By.cssSelector("select.field"))).selectByValue("status");
        new Select(rows().get(0).findElement(By.cssSelector("select.value-input"))).selectByVisibleText("Hot");
        browser.findElement(By.cssSelector("#criteria-tree > fieldset > .group-controls .add-condition")).click();
        new Select(rows().get(1).findElement(By.cssSelector("select.field"))).selectByValue("source");
        assertThat(rows().get(1).getAttribute("class")).as("no value yet").contains("incomplete");
        new Select(rows().get(1).findElement(By.cssSelector("select.value-input"))).selectByVisibleText("Facebook");

        long hot = apiCount("all", cond("status", "is", "Hot"));
        long facebook = apiCount("all", cond("source", "is", "Facebook"));
        long both = apiCount("all", cond("status", "is", "Hot"), cond("source", "is", "Facebook"));
        waitForLiveCount(both);

        new Select(browser.findElement(By.cssSelector("#criteria-tree > fieldset > legend select.match")))
                .selectByValue("any");
        waitForLiveCount(hot + facebook - both);
        assertThat(apiCount("any", cond("status", "is", "Hot"), cond("source", "is", "Facebook")))
                .isEqualTo(hot + facebook - both);

        new Select(browser.findElement(By.cssSelector("#criteria-tree > fieldset > legend select.match")))
                .selectByValue("all");
        browser.findElement(By.cssSelector("#criteria-tree > fieldset > .group-controls .add-group")).click();
        WebElement nested = browser.findElement(By.cssSelector("#criteria-tree fieldset fieldset.group"));
        new Select(nested.findElement(By.cssSelector("legend select.match"))).selectByValue("any");
        WebElement tagRow = nested.findElement(By.cssSelector(".condition"));
        new Select(tagRow.findElement(By.cssSelector("select.field"))).selectByValue("tags");
        WebElement chipEntry = browser.findElement(By.cssSelector("#criteria-tree fieldset fieldset.group .chip-entry"));
        chipEntry.sendKeys("VIP", Keys.ENTER);
        browser.findElement(By.cssSelector("#criteria-tree fieldset fieldset.group .add-condition")).click();
        WebElement budgetRow = browser.findElements(By.cssSelector("#criteria-tree fieldset fieldset.group .condition")).get(1);
        new Select(budgetRow.findElement(By.cssSelector("select.field"))).selectByValue("custom.budget");
        budgetRow = browser.findElements(By.cssSelector("#criteria-tree fieldset fieldset.group .condition")).get(1);
        new Select(budgetRow.findElement(By.cssSelector("select.operator"))).selectByValue("gt");
        budgetRow = browser.findElements(By.cssSelector("#criteria-tree fieldset fieldset.group .condition")).get(1);
        budgetRow.findElement(By.cssSelector("input.value-input")).sendKeys("500000");

        long expected = apiCount("all", cond("status", "is", "Hot"), cond("source", "is", "Facebook"),
                Map.of("match", "any", "conditions", List.of(cond("tags", "has_any", List.of("VIP")),
                        cond("custom.budget", "gt", 500000))));
        waitForLiveCount(expected);
        screenshot("builder");

        browser.findElement(By.id("save-segment")).click();
        wait.until(ExpectedConditions.urlToBe(url("/audience")));
        WebElement row = browser.findElement(By.xpath("//tr[td/a[text()='Hot from Facebook']]"));
        assertThat(row.findElement(By.cssSelector(".segment-count")).getText().replace(",", ""))
                .isEqualTo(String.valueOf(expected));
        screenshot("audience");

        row.findElement(By.cssSelector("a.edit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#criteria-tree fieldset fieldset.group")));
        assertThat(rows()).hasSize(4);
        waitForLiveCount(expected);
        WebElement name = browser.findElement(By.id("segment-name"));
        name.clear();
        name.sendKeys("Hot Facebook prospects");
        browser.findElement(By.id("save-segment")).click();
        wait.until(ExpectedConditions.urlToBe(url("/audience")));
        var saved = api.get("/api/segments").json().get(0);
        assertThat(saved.get("name").asString()).isEqualTo("Hot Facebook prospects");
        assertThat(saved.get("count").asLong()).isEqualTo(expected);

        browser.findElement(By.xpath("//tr[td/a[text()='Hot Facebook prospects']]//button[contains(@class,'duplicate')]"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tr[td/a[text()='Hot Facebook prospects (copy)']]")));

        browser.findElement(By.xpath("//tr[td/a[text()='Hot Facebook prospects (copy)']]//button[contains(@class,'delete')]"))
                .click();
        assertThat(browser.switchTo().alert().getText()).contains("no lead is affected");
        browser.switchTo().alert().accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "No lead was changed"));
        assertThat(browser.findElements(By.xpath("//tr[td/a[text()='Hot Facebook prospects (copy)']]"))).isEmpty();
        assertThat(api.get("/api/leads?size=1").json().get("total").asLong()).isEqualTo(leadsBefore);

        browser.findElement(By.xpath("//tr[td/a[text()='Hot Facebook prospects']]//a[text()='Hot Facebook prospects']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#charts canvas")));
        assertThat(browser.findElement(By.id("segment-count")).getText().replace(",", "")).isEqualTo(String.valueOf(expected));
        assertThat(browser.findElement(By.id("criteria-words")).getText())
                .isEqualTo("Status is Hot AND Source is Facebook AND (Tags has any of VIP OR Budget is greater than 500000)");
        assertThat(browser.findElements(By.cssSelector("#charts canvas"))).hasSize(5);
        screenshot("segment");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/audience"));
        assertThat(browser.findElement(By.id("create-segment")).isDisplayed()).isTrue();
        screenshot("audience-mobile");
    }
}
