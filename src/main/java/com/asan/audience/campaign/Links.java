package com.asan.audience.campaign;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a link as written in a campaign (an IRI: any Unicode, a stray space) into the ASCII URI a {@code Location}
 * header and every mail client accept: tabs and line breaks dropped (as browsers do), the host in punycode, and
 * every other character outside URI syntax percent-encoded as UTF-8. Only http and https links are tracked.
 */
final class Links {

    private static final String ALLOWED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + "-._~:/?#@!$&'()*+,;="; // brackets too are escaped outside an IPv6 host
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Links() {
    }

    /** The link as an ASCII http(s) URI, or empty when it is not one (no host, a bad host or port). */
    static Optional<String> normalize(String link) {
        if (link == null) {
            return Optional.empty();
        }
        String cleaned = link.strip().replaceAll("[\\t\\n\\r]", "");
        int schemeEnd = cleaned.indexOf("://");
        if (schemeEnd < 0) {
            return Optional.empty();
        }
        String scheme = cleaned.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        String rest = cleaned.substring(schemeEnd + 3);
        int authorityEnd = firstOf(rest, "/?#");
        String authority = rest.substring(0, authorityEnd);
        String tail = rest.substring(authorityEnd);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : encode(authority.substring(0, at)) + "@";
        String hostPort = authority.substring(at + 1);
        int colon = hostPort.startsWith("[") ? hostPort.indexOf("]:") + 1 : hostPort.lastIndexOf(':');
        String host = colon > 0 ? hostPort.substring(0, colon) : hostPort;
        String port = colon > 0 ? hostPort.substring(colon) : "";
        if (host.isEmpty() || !port.matches("(:\\d{1,5})?")) {
            return Optional.empty();
        }
        try {
            String asciiHost = host.startsWith("[") ? host : IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            String candidate = scheme + "://" + userInfo + asciiHost.toLowerCase(Locale.ROOT) + port + encode(tail);
            URI uri = new URI(candidate);
            return uri.getHost() == null ? Optional.empty() : Optional.of(candidate);
        } catch (IllegalArgumentException | URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static int firstOf(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    /** Percent-encodes what URI syntax does not allow, keeping valid escapes ({@code %20}) as they are. */
    private static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (cp == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                out.append('%');
            } else if (cp < 128 && ALLOWED.indexOf(cp) >= 0) {
                out.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
            i += width;
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
