package com.asan.audience.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Links read by an HTML parser: any quoting and entity, as a mail client reads them. */
class HtmlLinksTest {

    private static final String HTML = "<p>See <a href='https://a.example/x?y=1&amp;z=2'>single</a>, "
            + "<a href=https://b.example/path>unquoted</a>, <a HREF=\"https://c.example/&eacute;t&eacute;&#x3F;q=&#49;\">"
            + "entities</a>, <a href=\"mailto:ann@example.com\">mail</a>, <a href=\"#top\">top</a> and "
            + "<a href=\" HTTPS://d.example/ \">spaced</a>.</p>";

    @Test
    void everyWebLinkIsFoundWithItsEntitiesDecoded() {
        assertThat(HtmlLinks.webLinks(HTML)).containsExactly("https://a.example/x?y=1&z=2", "https://b.example/path",
                "https://c.example/été?q=1", "HTTPS://d.example/");
    }

    @Test
    void onlyWebLinksAreRewrittenAndTheRestIsKept() {
        String rewritten = HtmlLinks.rewrite(HTML, href -> "https://track.example/?u=" + href.length());
        assertThat(rewritten).contains("href=\"https://track.example/?u=27\"", "href=\"https://track.example/?u=22\"",
                "href=\"mailto:ann@example.com\"", "href=\"#top\"", ">single</a>", ">entities</a>");
        assertThat(HtmlLinks.rewrite("<p>No links</p>", href -> "x")).isEqualTo("<p>No links</p>");
    }

    @Test
    void theTextAlternativeKeepsStructureAndDecodesEveryEntity() {
        String text = HtmlText.of("<html><head><style>p{}</style></head><body><h1>Open&nbsp;house</h1>"
                + "<p>Caf&eacute; &amp; more&hellip;<br>Line two</p><ul><li>One</li><li>Two</li></ul>"
                + "<p><a href='https://a.example/'>Listing</a> · <a href=https://b.example/>https://b.example/</a></p>"
                + "<script>alert(1)</script></body></html>");
        assertThat(text).isEqualTo("Open\u00a0house\n\nCafé & more…\nLine two\n\n- One\n- Two\n\n"
                + "Listing (https://a.example/) · https://b.example/");
    }
}
