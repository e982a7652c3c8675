package dev.citypark;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * BlockHound is installed for every test JVM (blockhound-junit-platform): a blocking call on a reactive
 * (non-blocking) thread fails the test that made it. This proves the guard is armed.
 */
class BlockHoundIntegrationTest {

    @Test
    void blockingCallOnReactiveThreadFails() {
        Mono<Void> blocking = Mono.fromRunnable(() -> {
                    try {
                        Thread.sleep(1);
                    }
                    catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .subscribeOn(Schedulers.parallel())
                .then();

        StepVerifier.create(blocking)
                .expectError(BlockingOperationError.class)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void blockingCallOnBoundedElasticIsAllowed() {
        Mono<String> offloaded = Mono.fromCallable(() -> {
                    Thread.sleep(1);
                    return "done";
                })
                .subscribeOn(Schedulers.boundedElastic());

        StepVerifier.create(offloaded).expectNext("done").verifyComplete();
    }
}
