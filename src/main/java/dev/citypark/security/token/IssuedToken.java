package dev.citypark.security.token;

/** A bearer token as the token endpoints answer it. */
public record IssuedToken(String accessToken, String tokenType, long expiresIn) {

    public static IssuedToken bearer(String accessToken, long expiresInSeconds) {
        return new IssuedToken(accessToken, "Bearer", expiresInSeconds);
    }
}
