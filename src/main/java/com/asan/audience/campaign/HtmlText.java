package com.asan.audience.campaign;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The plain-text alternative of an HTML email: paragraphs and line breaks kept, links shown as "text (url)". */
final class HtmlText {

    private static final Pattern LINK = Pattern.compile("(?is)<a\\s[^>]*href\\s*=\\s*\"([^\"]*)\"[^>]*>(.*?)</a>");

    private HtmlText() {
    }

    static String of(String html) {
        String text = html.replaceAll("(?is)<(head|style|script)[^>]*>.*?</\\1>", "");
        Matcher links = LINK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (links.find()) {
            String label = links.group(2).replaceAll("(?s)<[^>]+>", "").strip();
            String url = links.group(1);
            links.appendReplacement(out, Matcher.quoteReplacement(label.isEmpty() || label.equals(url) ? url
                    : label + " (" + url + ")"));
        }
        links.appendTail(out);
        text = out.toString()
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</(p|div|h[1-6]|li|tr|table)>", "\n\n")
                .replaceAll("(?i)<li[^>]*>", "- ")
                .replaceAll("(?s)<[^>]+>", "");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return text.replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }
}
