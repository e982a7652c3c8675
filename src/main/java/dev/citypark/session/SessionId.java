package dev.citypark.session;

import java.util.Objects;
import java.util.UUID;

import dev.citypark.core.InvalidValueException;

/** Id of a parking session: a random UUID given when the session opens. */
public record SessionId(UUID value) {

    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    public static SessionId random() {
        return new SessionId(Uuids.random());
    }

    /** @throws InvalidValueException (field {@code sessionId}) if the text is not a UUID */
    public static SessionId parse(String text) {
        try {
            return new SessionId(UUID.fromString(text));
        }
        catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValueException("sessionId", "sessionId must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
