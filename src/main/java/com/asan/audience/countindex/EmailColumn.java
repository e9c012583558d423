package com.asan.audience.countindex;

import com.asan.audience.countindex.TextHeap.Match;
import com.asan.audience.criteria.TextNormalizer;
import java.util.Collection;
import java.util.Map;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * Folded e-mail addresses, split at the last {@code @}: a bitmap per domain (few distinct values) and the local
 * parts in a {@link TextHeap}. Each text check is answered exactly from the two halves; a needle that spans the
 * {@code @} is split at its own last {@code @}, since a domain never contains one.
 *
 * <p>A scan of the local parts costs milliseconds per million leads, so the results of the most recent checks
 * are kept and maintained on every write (each written address is matched against each kept check), which keeps
 * them exact without rescanning.
 */
final class EmailColumn {

    /** Stands for "no @ in the address"; it can never be a real domain, which has no @. */
    private static final String NO_DOMAIN = "@";

    private record CheckKey(TextHeap.Match match, String needle) {
    }

    final ValueBitmaps<String> domains = ValueBitmaps.hashed();
    final TextHeap localParts = new TextHeap();
    private final KeptBitmaps<CheckKey, String> kept = new KeptBitmaps<>(
            (check, folded) -> TextHeap.matches(folded, check.needle(), check.match()));

    void set(int ordinal, String folded) {
        clear(ordinal);
        if (folded == null) {
            return;
        }
        localParts.set(ordinal, localPart(folded));
        domains.add(domain(folded), ordinal);
        kept.added(folded, ordinal);
    }

    static String localPart(String folded) {
        int at = folded.lastIndexOf('@');
        return at < 0 ? folded : folded.substring(0, at);
    }

    static String domain(String folded) {
        int at = folded.lastIndexOf('@');
        return at < 0 ? NO_DOMAIN : folded.substring(at + 1);
    }

    /**
     * {@code localPart(fold(address))} from the address's text before its last '@' as stored: folding strips the
     * whole address, so only leading whitespace comes off this half.
     */
    static String foldedLocalPart(String storedLocalPart) {
        return TextNormalizer.lowerCase(storedLocalPart.stripLeading());
    }

    /** {@code domain(fold(address))} from the address's text after its last '@' as stored: trailing whitespace off. */
    static String foldedDomain(String storedDomain) {
        return TextNormalizer.lowerCase(storedDomain.stripTrailing());
    }

    void clear(int ordinal) {
        if (domains.present().contains(ordinal)) {
            domains.remove(ordinal);
            localParts.clear(ordinal);
            kept.removed(ordinal);
        }
    }

    RoaringBitmap present() {
        return domains.present();
    }

    private RoaringBitmap keptResult(TextHeap.Match match, String needle, java.util.function.Supplier<RoaringBitmap> scan) {
        return kept.get(new CheckKey(match, needle), scan);
    }

    RoaringBitmap equalToAny(Collection<String> folded) {
        RoaringBitmap result = new RoaringBitmap();
        for (String email : folded) {
            result.or(keptResult(Match.EXACT, email, () -> equalTo(email)));
        }
        return result;
    }

    private RoaringBitmap equalTo(String email) {
        int at = email.lastIndexOf('@');
        RoaringBitmap domain = domains.of(at < 0 ? NO_DOMAIN : email.substring(at + 1));
        return domain.isEmpty() ? new RoaringBitmap()
                : RoaringBitmap.and(domain, localParts.find(at < 0 ? email : email.substring(0, at), Match.EXACT));
    }

    RoaringBitmap containing(String needle) {
        return keptResult(Match.CONTAINS, needle, () -> scanContaining(needle));
    }

    RoaringBitmap startingWith(String needle) {
        return keptResult(Match.PREFIX, needle, () -> scanStartingWith(needle));
    }

    private RoaringBitmap scanContaining(String needle) {
        RoaringBitmap result = localParts.find(needle, Match.CONTAINS);
        result.or(realDomains(domain -> domain.contains(needle)));
        int at = needle.lastIndexOf('@');
        if (at >= 0) {
            RoaringBitmap spanning = realDomains(domain -> domain.startsWith(needle.substring(at + 1)));
            if (!spanning.isEmpty()) {
                spanning.and(localParts.find(needle.substring(0, at), Match.SUFFIX));
                result.or(spanning);
            }
        }
        result.and(present());
        return result;
    }

    private RoaringBitmap scanStartingWith(String needle) {
        RoaringBitmap result = localParts.find(needle, Match.PREFIX);
        int at = needle.lastIndexOf('@');
        if (at >= 0) {
            RoaringBitmap spanning = realDomains(domain -> domain.startsWith(needle.substring(at + 1)));
            if (!spanning.isEmpty()) {
                spanning.and(localParts.find(needle.substring(0, at), Match.EXACT));
                result.or(spanning);
            }
        }
        result.and(present());
        return result;
    }

    private RoaringBitmap realDomains(java.util.function.Predicate<String> test) {
        return FastAggregation.or(domains.entries().entrySet().stream()
                .filter(e -> !e.getKey().equals(NO_DOMAIN) && test.test(e.getKey()))
                .map(Map.Entry::getValue).iterator());
    }

    void optimize() {
        domains.optimize();
        localParts.trim();
    }

    long sizeInBytes() {
        return domains.sizeInBytes() + localParts.sizeInBytes() + kept.sizeInBytes();
    }

    /** Drops the kept results: for measuring the scans themselves. */
    void forgetResults() {
        kept.clear();
    }
}
