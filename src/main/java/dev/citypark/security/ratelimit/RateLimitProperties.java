package dev.citypark.security.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * Request rate limits, under {@code citypark.security.rate-limits.*}, each written {@code <requests>/<period>}
 * (e.g. {@code 600/1m}): a token bucket of that capacity, refilled evenly over the period. Buckets live in memory,
 * per instance: with N instances behind a load balancer a caller gets up to N times the limit.
 *
 * @param enabled         false switches rate limiting off
 * @param operator        per operator API key (gateways send a lot: generous)
 * @param driver          per driver account
 * @param bureau          per bureau client
 * @param admin           per administrator credential
 * @param anonymous       per client IP, for anonymous requests
 * @param anonymousSearch per client IP, for anonymous {@code /api/v1/search/**} (expensive: tight)
 * @param auth            per client IP, for {@code /api/v1/auth/**} and for every refused credential (guessing)
 * @param maxTrackedKeys  buckets kept at most; idle ones (full again) are dropped first
 */
@ConfigurationProperties("citypark.security.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("60000/1m") Limit operator,
        @DefaultValue("600/1m") Limit driver,
        @DefaultValue("6000/1m") Limit bureau,
        @DefaultValue("6000/1m") Limit admin,
        @DefaultValue("1200/1m") Limit anonymous,
        @DefaultValue("60/1m") Limit anonymousSearch,
        @DefaultValue("30/1m") Limit auth,
        @DefaultValue("100000") int maxTrackedKeys) {

    public RateLimitProperties {
        if (maxTrackedKeys < 1) {
            throw new IllegalArgumentException("citypark.security.rate-limits.max-tracked-keys must be positive");
        }
    }

    /** {@code requests} per {@code period}; bursts up to {@code requests}. */
    public record Limit(long requests, Duration period) {

        public Limit {
            if (requests < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A rate limit needs at least 1 request per positive period");
            }
        }

        /** Parses {@code <requests>/<period>}, e.g. {@code 600/1m} or {@code 10/PT1S}. */
        public static Limit valueOf(String text) {
            int slash = text == null ? -1 : text.indexOf('/');
            if (slash <= 0) {
                throw new IllegalArgumentException("A rate limit is written <requests>/<period>, e.g. 600/1m: " + text);
            }
            return new Limit(Long.parseLong(text.substring(0, slash).strip()),
                    DurationStyle.detectAndParse(text.substring(slash + 1).strip()));
        }

        @Override
        public String toString() {
            return requests + "/" + period;
        }
    }
}
