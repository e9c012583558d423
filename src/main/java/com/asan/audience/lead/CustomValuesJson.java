package com.asan.audience.lead;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.JSONB;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Converts the custom field values between their map form and the jsonb column. */
@Component
class CustomValuesJson {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private final JsonMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    JSONB write(Map<String, Object> values) {
        return JSONB.valueOf(mapper.writeValueAsString(values));
    }

    Map<String, Object> read(JSONB json) {
        return json == null ? Map.of() : mapper.readValue(json.data(), MAP);
    }
}
