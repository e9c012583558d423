package com.asan.audience.segment;

import com.asan.audience.criteria.CriteriaParser;
import com.asan.audience.criteria.CustomFieldDefinition;
import com.asan.audience.criteria.Group;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Saved criteria, parsed once: a kept result is used only while the stored criteria text and the account's custom
 * field definitions (which give conditions their types) are both unchanged. Saves reading and parsing the JSON of
 * every segment on each Audience page.
 */
@Component
class ParsedSegments {

    record Parsed(Group criteria, Map<String, Object> json) {
    }

    private record Key(long accountId, long segmentId) {
    }

    private record Kept(String criteriaText, Map<String, CustomFieldDefinition> fields, Parsed parsed) {
    }

    private static final int CAPACITY = 20_000;

    private final CriteriaJson json;
    private final Cache<Key, Kept> kept = Caffeine.newBuilder().maximumSize(CAPACITY).build();

    ParsedSegments(CriteriaJson json) {
        this.json = json;
    }

    Parsed parse(long accountId, SegmentRepository.StoredSegment stored, CriteriaParser parser) {
        Key key = new Key(accountId, stored.id());
        String text = stored.criteria().data();
        Kept hit = kept.getIfPresent(key);
        if (hit != null && hit.criteriaText().equals(text) && hit.fields().equals(parser.customFields())) {
            return hit.parsed();
        }
        Group criteria = parser.parse(json.read(stored.criteria()), "criteria");
        @SuppressWarnings("unchecked")
        Parsed parsed = new Parsed(criteria, (Map<String, Object>) frozen(CriteriaParser.toJson(criteria)));
        kept.put(key, new Kept(text, parser.customFields(), parsed));
        return parsed;
    }

    /** A read-only deep copy: the kept JSON form is handed to every caller, so none may change it. */
    private static Object frozen(Object json) {
        if (json instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(key, frozen(value)));
            return java.util.Collections.unmodifiableMap(copy);
        }
        if (json instanceof java.util.List<?> list) {
            return java.util.Collections.unmodifiableList(list.stream().map(ParsedSegments::frozen)
                    .collect(java.util.stream.Collectors.toList()));
        }
        return json;
    }
}
