package dev.citypark.session;

import java.util.Optional;

import dev.citypark.core.InvalidValueException;

/**
 * How sure the reading of a plate is: the camera's confidence and, when the camera kept one, a reference to the
 * image (an object-store key or URL of the operator's system; citypark does not store images).
 *
 * @param confidence 0.0 to 1.0
 * @param imageRef   at most {@value #MAX_IMAGE_REF} characters
 */
public record Evidence(double confidence, Optional<String> imageRef) {

    public static final int MAX_IMAGE_REF = 512;

    public Evidence {
        if (Double.isNaN(confidence) || confidence < 0.0 || confidence > 1.0) {
            throw new InvalidValueException("confidence", "confidence must be between 0.0 and 1.0");
        }
        imageRef = imageRef == null ? Optional.empty() : imageRef.filter(ref -> !ref.isBlank());
        if (imageRef.isPresent() && imageRef.get().length() > MAX_IMAGE_REF) {
            throw new InvalidValueException("imageRef", "imageRef must be at most " + MAX_IMAGE_REF + " characters");
        }
    }

    /** An attendant's reading, certain and without image. */
    public static Evidence certain() {
        return new Evidence(1.0, Optional.empty());
    }
}
