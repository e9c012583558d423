package com.asan.audience.intake;

import org.jooq.JSONB;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Stores the checked options with the import, so a resumed job runs with exactly the same settings. */
@Component
class ImportOptionsJson {

    private final JsonMapper mapper = JsonMapper.builder().build();

    JSONB write(ImportOptions options) {
        return JSONB.valueOf(mapper.writeValueAsString(options));
    }

    ImportOptions read(JSONB json) {
        return mapper.readValue(json.data(), ImportOptions.class);
    }
}
