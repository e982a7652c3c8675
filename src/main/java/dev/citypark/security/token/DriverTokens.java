package dev.citypark.security.token;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.citypark.core.DriverId;
import dev.citypark.core.InvalidValueException;
import dev.citypark.security.Role;
import dev.citypark.security.config.SecurityProperties;
import dev.citypark.security.crypto.Digests;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Driver sign-in with the local issuer: phone number + verification code → a DRIVER token whose subject is the
 * driver's id. The id is {@code drv-} and the first 128 bits of HMAC-SHA256(driver-id-key, phone) in hex: stable
 * for a phone, but the phone cannot be read back from it, and the table stores only the id.
 * <p>
 * There is no SMS gateway yet: the only accepted code is {@code citypark.security.dev-verification-code}, set in the
 * embedded and test profiles only. Without it (or with an external issuer) the endpoint does not exist (404).
 */
@Component
public class DriverTokens {

    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    private final LocalTokenIssuer issuer;
    private final DriverAccounts accounts;
    private final String verificationCode;
    private final byte[] driverIdKey;
    private final SecurityProperties.Jwt settings;

    DriverTokens(TokenIssuers issuers, DriverAccounts accounts, SecurityProperties properties) {
        this.issuer = issuers.local().orElse(null);
        this.accounts = accounts;
        this.settings = properties.jwt();
        this.verificationCode = properties.driverTokenEnabled() ? properties.devVerificationCode() : null;
        if (this.verificationCode != null && (properties.driverIdKey() == null || properties.driverIdKey().length() < 16)) {
            throw new IllegalStateException("citypark.security.driver-id-key (at least 16 characters) is required "
                    + "when citypark.security.dev-verification-code enables driver sign-in");
        }
        this.driverIdKey = properties.driverIdKey() == null ? null
                : properties.driverIdKey().getBytes(StandardCharsets.UTF_8);
    }

    public boolean enabled() {
        return issuer != null && verificationCode != null;
    }

    public Mono<IssuedToken> signIn(String phone, String code) {
        return Mono.defer(() -> enabled() ? verify(phone, code)
                : Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private Mono<IssuedToken> verify(String phone, String code) {
        String normalized = normalizePhone(phone);
        if (code == null || code.isBlank()) {
            return Mono.error(new InvalidValueException("code", "code is required"));
        }
        if (!Digests.secretsEqual(code, verificationCode)) {
            return Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "The verification code is wrong"));
        }
        DriverId driverId = driverId(normalized);
        return accounts.ensureExists(driverId)
                .then(Mono.fromCallable(() -> issuer.issue(driverId.value(), List.of(Role.DRIVER),
                                settings.driverTokenTtl(), Map.of()))
                        .subscribeOn(Schedulers.boundedElastic()))
                .map(jwt -> IssuedToken.bearer(jwt.getTokenValue(), settings.driverTokenTtl().toSeconds()));
    }

    /** The stable account id of a phone number. */
    public DriverId driverId(String normalizedPhone) {
        byte[] mac = Digests.hmacSha256(driverIdKey, normalizedPhone.getBytes(StandardCharsets.UTF_8));
        return DriverId.of("drv-" + Digests.hex(java.util.Arrays.copyOf(mac, 16)));
    }

    /** A mainland mobile number, 11 digits; spaces, dashes and a +86/86 prefix are accepted and dropped. */
    static String normalizePhone(String phone) {
        if (phone == null) {
            throw new InvalidValueException("phone", "phone is required");
        }
        String digits = phone.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        else if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        if (!MAINLAND_MOBILE.matcher(digits).matches()) {
            throw new InvalidValueException("phone", "phone must be a mainland mobile number (11 digits, 1[3-9]...)");
        }
        return digits;
    }
}
