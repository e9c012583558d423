package com.asan.audience.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The links of a campaign's HTML, read by an HTML parser (jsoup): any quoting, entities decoded as a browser
 * decodes them. Only http and https links are tracked; mailto:, tel: and anchors are left alone.
 */
final class HtmlLinks {

    private HtmlLinks() {
    }

    /** The href of every http or https link, entities decoded. */
    static List<String> webLinks(String html) {
        List<String> links = new ArrayList<>();
        for (Element a : Jsoup.parse(html).select("a[href]")) {
            String href = a.attr("href").strip();
            if (isWeb(href)) {
                links.add(href);
            }
        }
        return links;
    }

    /** The document with each web link's href replaced by {@code rewrite}'s answer (null leaves it as it is). */
    static String rewrite(String html, UnaryOperator<String> rewrite) {
        Document document = Jsoup.parse(html);
        document.outputSettings().prettyPrint(false);
        boolean changed = false;
        for (Element a : document.select("a[href]")) {
            String href = a.attr("href").strip();
            String replaced = isWeb(href) ? rewrite.apply(href) : null;
            if (replaced != null) {
                a.attr("href", replaced);
                changed = true;
            }
        }
        return changed ? document.outerHtml() : html;
    }

    private static boolean isWeb(String href) {
        return href.regionMatches(true, 0, "http://", 0, 7) || href.regionMatches(true, 0, "https://", 0, 8);
    }
}
