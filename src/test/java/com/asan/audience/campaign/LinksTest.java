package com.asan.audience.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinksTest {

    @Test
    void unicodeLinksBecomeAsciiUris() {
        assertThat(Links.normalize("https://exemple.ca/événements")).hasValue("https://exemple.ca/%C3%A9v%C3%A9nements");
        assertThat(Links.normalize("https://example.jp/物件/東京?区=港")).hasValue(
                "https://example.jp/%E7%89%A9%E4%BB%B6/%E6%9D%B1%E4%BA%AC?%E5%8C%BA=%E6%B8%AF");
        assertThat(Links.normalize("https://Bücher.example/a b#top")).hasValue("https://xn--bcher-kva.example/a%20b#top");
        assertThat(Links.normalize("HTTP://example.com:8080/x%20y/100%zz")).hasValue(
                "http://example.com:8080/x%20y/100%25zz");
        assertThat(Links.normalize("https://example.com/[a]{b}|\"<>")).hasValue(
                "https://example.com/%5Ba%5D%7Bb%7D%7C%22%3C%3E");
        assertThat(Links.normalize("https://[2001:db8::1]:443/p")).hasValue("https://[2001:db8::1]:443/p");
    }

    @Test
    void lineBreaksAreDroppedSoNoHeaderCanBeInjected() {
        assertThat(Links.normalize("https://example.com/a\r\nSet-Cookie: x=1")).hasValue(
                "https://example.com/aSet-Cookie:%20x=1");
        assertThat(Links.normalize("https://example.com/%0d%0a")).hasValue("https://example.com/%0d%0a");
    }

    @Test
    void whatIsNotAnHttpLinkIsRefused() {
        assertThat(Links.normalize("javascript:alert(1)")).isEmpty();
        assertThat(Links.normalize("mailto:a@example.com")).isEmpty();
        assertThat(Links.normalize("https://")).isEmpty();
        assertThat(Links.normalize("https://exa mple.com/")).isEmpty();
        assertThat(Links.normalize("https://example.com:99999999/")).isEmpty();
        assertThat(Links.normalize(null)).isEmpty();
    }
}
