package com.asan.audience.campaign;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The plain-text alternative of an HTML email, read by an HTML parser (jsoup): paragraphs and line breaks kept, list
 * items as "- ", links as "text (url)", every entity decoded, head, style and script left out.
 */
final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr",
            "table", "ul", "ol", "blockquote");

    private HtmlText() {
    }

    static String of(String html) {
        Element body = Jsoup.parse(html).body();
        body.select("style, script").remove();
        StringBuilder out = new StringBuilder();
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text && !inLink(node)) {
                    out.append(text.getWholeText().replaceAll("\\s+", " "));
                } else if (node instanceof Element element) {
                    switch (element.normalName()) {
                        case "br" -> out.append('\n');
                        case "li" -> out.append("- ");
                        case "a" -> out.append(link(element));
                        default -> { }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    out.append(element.normalName().equals("li") ? "\n" : "\n\n");
                }
            }
        });
        return out.toString().replaceAll("[ \\t]+\n", "\n").replaceAll("\n[ \\t]+", "\n").replaceAll("\n{3,}", "\n\n")
                .strip();
    }

    private static boolean inLink(Node node) {
        for (Node parent = node.parentNode(); parent != null; parent = parent.parentNode()) {
            if (parent instanceof Element element && element.normalName().equals("a")) {
                return true;
            }
        }
        return false;
    }

    private static String link(Element a) {
        String label = a.text().strip();
        String url = a.attr("href").strip();
        if (url.isEmpty()) {
            return label;
        }
        return label.isEmpty() || label.equals(url) ? url : label + " (" + url + ")";
    }
}
