package dev.citypark.security.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    static RateLimitProperties limits(String search, int maxTracked) {
        var generous = RateLimitProperties.Limit.valueOf("1000/1m");
        return new RateLimitProperties(true, generous, generous, generous, generous, generous,
                RateLimitProperties.Limit.valueOf(search), RateLimitProperties.Limit.valueOf("2/1m"), maxTracked);
    }

    @Test
    void refusesOnceTheBucketIsEmptyAndSaysHowLongToWait() {
        RateLimiter limiter = new RateLimiter(limits("3/1m", 100), clock);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryConsume(RateLimiter.Group.ANONYMOUS_SEARCH, "10.0.0.1")).isEmpty();
        }
        assertThat(limiter.tryConsume(RateLimiter.Group.ANONYMOUS_SEARCH, "10.0.0.1"))
                .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20)));
    }

    @Test
    void refillsOverThePeriod() {
        RateLimiter limiter = new RateLimiter(limits("3/1m", 100), clock);
        for (int i = 0; i < 3; i++) {
            limiter.tryConsume(RateLimiter.Group.ANONYMOUS_SEARCH, "10.0.0.1");
        }

        nanos.addAndGet(Duration.ofSeconds(20).toNanos());

        assertThat(limiter.tryConsume(RateLimiter.Group.ANONYMOUS_SEARCH, "10.0.0.1")).isEmpty();
        assertThat(limiter.tryConsume(RateLimiter.Group.ANONYMOUS_SEARCH, "10.0.0.1")).isPresent();
    }

    @Test
    void keepsOneBucketPerKeyAndPerGroup() {
        RateLimiter limiter = new RateLimiter(limits("1/1m", 100), clock);

        assertThat(limiter.tryConsume(RateLimiter.Group.ANONYMOUS_SEARCH, "10.0.0.1")).isEmpty();
        assertThat(limiter.tryConsume(RateLimiter.Group.ANONYMOUS_SEARCH, "10.0.0.1")).isPresent();
        assertThat(limiter.tryConsume(RateLimiter.Group.ANONYMOUS_SEARCH, "10.0.0.2")).isEmpty();
        assertThat(limiter.tryConsume(RateLimiter.Group.ANONYMOUS, "10.0.0.1")).isEmpty();
        assertThat(limiter.tryConsume(RateLimiter.Group.OPERATOR, "key:k1")).isEmpty();
    }

    @Test
    void forgetsIdleBucketsWhenTrackingTooMany() {
        RateLimiter limiter = new RateLimiter(limits("5/1m", 10), clock);
        for (int i = 0; i < 10; i++) {
            limiter.tryConsume(RateLimiter.Group.ANONYMOUS_SEARCH, "10.0.0." + i);
        }
        nanos.addAndGet(Duration.ofMinutes(2).toNanos());

        limiter.tryConsume(RateLimiter.Group.ANONYMOUS_SEARCH, "10.0.1.1");

        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }

    @Test
    void parsesLimits() {
        assertThat(RateLimitProperties.Limit.valueOf("600/1m"))
                .isEqualTo(new RateLimitProperties.Limit(600, Duration.ofMinutes(1)));
        assertThat(RateLimitProperties.Limit.valueOf(" 10 / PT1S ").period()).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> RateLimitProperties.Limit.valueOf("600")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimitProperties.Limit.valueOf("0/1m")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retryAfterIsWholeSecondsAtLeastOne() {
        assertThat(new TooManyRequestsException(Duration.ofMillis(10)).getHeaders().getFirst("Retry-After"))
                .isEqualTo("1");
        assertThat(new TooManyRequestsException(Duration.ofMillis(2001)).getHeaders().getFirst("Retry-After"))
                .isEqualTo("3");
    }
}
