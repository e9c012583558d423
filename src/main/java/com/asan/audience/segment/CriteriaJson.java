package com.asan.audience.segment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.JSONB;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Stores criteria in their public JSON form and reads them back as maps for the parser. */
@Component
class CriteriaJson {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    JSONB write(Map<String, Object> criteria) {
        return JSONB.valueOf(mapper.writeValueAsString(criteria));
    }

    Map<String, Object> read(JSONB json) {
        return mapper.readValue(json.data(), MAP);
    }
}
