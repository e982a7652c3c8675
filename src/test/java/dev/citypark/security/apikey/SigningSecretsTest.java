package dev.citypark.security.apikey;

import java.time.Duration;

import dev.citypark.security.config.SecurityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningSecretsTest {

    static SigningSecrets withMasterKey(String masterKey) {
        SecurityProperties.Jwt jwt = new SecurityProperties.Jwt("https://citypark.invalid/local", null, "k", "roles",
                "operator_id", Duration.ofHours(1), Duration.ofHours(1));
        SecurityProperties.Cors cors = new SecurityProperties.Cors(null, java.util.List.of("GET"),
                java.util.List.of("Authorization"), Duration.ofHours(1));
        return new SigningSecrets(new SecurityProperties(null, null, null, Duration.ofSeconds(5), jwt, null, null, cors,
                DataSize.ofMegabytes(2), 32, masterKey));
    }

    @Test
    void derivesAStableSecretPerKeyId() {
        SigningSecrets secrets = withMasterKey("a-master-key-of-at-least-32-characters");

        assertThat(secrets.secretFor("k1")).isEqualTo(secrets.secretFor("k1"));
        assertThat(secrets.secretFor("k1")).isNotEqualTo(secrets.secretFor("k2"));
        assertThat(secrets.secretFor("k1").orElseThrow()).hasSize(43).doesNotContain("k1");
    }

    @Test
    void anotherMasterKeyChangesEverySecret() {
        assertThat(withMasterKey("a-master-key-of-at-least-32-characters").secretFor("k1"))
                .isNotEqualTo(withMasterKey("another-master-key-of-32-characters!").secretFor("k1"));
    }

    @Test
    void withoutMasterKeyNothingIsDerivedAndAShortOneIsRefused() {
        assertThat(withMasterKey(null).enabled()).isFalse();
        assertThat(withMasterKey(null).secretFor("k1")).isEmpty();
        assertThatThrownBy(() -> withMasterKey("short")).isInstanceOf(IllegalStateException.class);
    }
}
