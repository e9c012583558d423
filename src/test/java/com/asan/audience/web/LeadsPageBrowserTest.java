package com.asan.audience.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.demo.DemoAccountSeeder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

class LeadsPageBrowserTest extends BrowserTestBase {

    @Autowired
    DemoAccountSeeder seeder;

    @Test
    void signsInBrowsesSearchesAndEditsALead() throws Exception {
        var demo = seeder.seed(120, 7L, "browser." + System.nanoTime() + "@test.example", "velvet-lantern-3");

        signIn(demo.email(), "wrong-password");
        wait.until(ExpectedConditions.urlContains("/login?error"));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("Wrong email or password");

        signIn(demo.email(), demo.password());
        wait.until(ExpectedConditions.urlContains("/leads"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Leads");
        assertThat(browser.findElement(By.cssSelector(".page-header .muted")).getText()).contains("120 leads");
        assertThat(browser.findElements(By.cssSelector("#lead-table tbody tr"))).hasSize(25);
        screenshot("leads");

        String firstName = browser.findElement(By.cssSelector("#lead-table tbody tr td a")).getText();
        WebElement search = browser.findElement(By.id("q"));
        search.sendKeys(firstName.split(" ")[1]);
        wait.until(driver -> driver.findElements(By.cssSelector("#lead-table tbody tr")).size() < 25);
        assertThat(browser.findElements(By.cssSelector("#lead-table tbody tr td a")))
                .allSatisfy(link -> assertThat(link.getText()).contains(firstName.split(" ")[1]));

        browser.findElement(By.cssSelector("#lead-table tbody tr td a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
        new Select(browser.findElement(By.id("status"))).selectByVisibleText("Hot");
        WebElement tags = browser.findElement(By.id("tags"));
        tags.clear();
        tags.sendKeys("Browser tag, VIP");
        tags.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=status]")));
        assertThat(browser.findElement(By.cssSelector(".page-header .badge")).getText()).isEqualTo("Hot");
        assertThat(browser.findElement(By.id("tags")).getAttribute("value")).contains("Browser tag").contains("VIP");
    }
}
