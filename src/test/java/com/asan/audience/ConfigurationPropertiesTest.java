package com.asan.audience;

import static org.assertj.core.api.Assertions.assertThat;

import com.asan.audience.account.ApiKeyProperties;
import com.asan.audience.account.SecurityProperties;
import com.asan.audience.campaign.MailProperties;
import com.asan.audience.campaign.TrackingProperties;
import com.asan.audience.countindex.CountIndexProperties;
import com.asan.audience.intake.FormLimitsProperties;
import com.asan.audience.intake.IntakeProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The settings records: their defaults, and the environment variables the README names reach them. */
class ConfigurationPropertiesTest {

    private static Binder binder(Map<String, Object> environment) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", environment));
        return new Binder(ConfigurationPropertySources.get(env));
    }

    @Test
    void defaultsAreTheRecordsOwn() {
        Binder binder = binder(Map.of());
        CountIndexProperties index = binder.bindOrCreate("audience.count-index", CountIndexProperties.class);
        assertThat(index.enabled()).isTrue();
        assertThat(index.maxBytes()).isEqualTo(2_147_483_648L);
        MailProperties mail = binder.bindOrCreate("audience.mail", MailProperties.class);
        assertThat(mail.ratePerSecond()).isEqualTo(200);
        assertThat(mail.connections()).isEqualTo(4);
        assertThat(binder.bindOrCreate("audience.intake.forms", FormLimitsProperties.class).perIpPerMinute())
                .isEqualTo(10);
        assertThat(binder.bindOrCreate("audience.intake", IntakeProperties.class).workers()).isEqualTo(2);
        assertThat(binder.bindOrCreate("audience.tracking", TrackingProperties.class).previousKeyValidFor())
                .isEqualTo(Duration.ofDays(90));
        SecurityProperties security = binder.bindOrCreate("audience", SecurityProperties.class);
        assertThat(security.signupEnabled()).isTrue();
        assertThat(binder.bindOrCreate("audience.api-keys", ApiKeyProperties.class).remember())
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theDocumentedEnvironmentVariablesBind() {
        Binder binder = binder(Map.of("AUDIENCE_COUNT_INDEX_MAX_BYTES", "1048576", "AUDIENCE_COUNT_INDEX_ENABLED",
                "false", "AUDIENCE_MAIL_RATE_PER_SECOND", "50", "AUDIENCE_INTAKE_FORMS_PER_IP_PER_MINUTE", "3",
                "AUDIENCE_SIGNUP_ENABLED", "false", "AUDIENCE_SIGN_UPS_PER_ADDRESS", "2",
                "AUDIENCE_DEFAULT_REGION", "GB", "AUDIENCE_TRACKING_KEY_MAX_AGE", "P30D",
                "AUDIENCE_API_KEYS_REMEMBER", "PT1S"));
        assertThat(binder.bindOrCreate("audience.api-keys", ApiKeyProperties.class).remember())
                .isEqualTo(Duration.ofSeconds(1));
        CountIndexProperties index = binder.bindOrCreate("audience.count-index", CountIndexProperties.class);
        assertThat(List.of(index.maxBytes(), index.enabled())).containsExactly(1_048_576L, false);
        assertThat(binder.bindOrCreate("audience.mail", MailProperties.class).ratePerSecond()).isEqualTo(50);
        assertThat(binder.bindOrCreate("audience.intake.forms", FormLimitsProperties.class).perIpPerMinute())
                .isEqualTo(3);
        SecurityProperties security = binder.bindOrCreate("audience", SecurityProperties.class);
        assertThat(security.signupEnabled()).isFalse();
        assertThat(security.signUpsPerAddress()).isEqualTo(2);
        assertThat(security.defaultRegion()).isEqualTo("GB");
        assertThat(binder.bindOrCreate("audience.tracking", TrackingProperties.class).keyMaxAge())
                .isEqualTo(Duration.ofDays(30));
    }
}
