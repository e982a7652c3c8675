package dev.citypark.security;

/**
 * A Kafka record's signature is missing, malformed, wrong, or made with an unknown or revoked key. The message is the
 * reason to put on the dead-letter record; it never contains a secret.
 */
public class RecordSignatureException extends RuntimeException {

    public RecordSignatureException(String reason) {
        super(reason);
    }
}
