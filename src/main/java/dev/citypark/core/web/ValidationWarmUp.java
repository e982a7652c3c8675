package dev.citypark.core.web;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Hibernate Validator reads its message bundle from a jar the first time a constraint fails. That read would block
 * an event-loop thread on the first invalid request, so it is done once here, at startup, on the main thread.
 */
@Component
class ValidationWarmUp implements SmartInitializingSingleton {

    private final Validator validator;

    ValidationWarmUp(Validator validator) {
        this.validator = validator;
    }

    @Override
    public void afterSingletonsInstantiated() {
        validator.validate(new Probe("", 2));
    }

    record Probe(@NotBlank String name, @Max(1) int count) {
    }
}
