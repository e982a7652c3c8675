package dev.citypark.security.token;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import dev.citypark.security.Role;
import dev.citypark.security.config.SecurityProperties;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * citypark's own token issuer (the embedded default): RS256 tokens signed with a configured PKCS#8 key
 * ({@code citypark.security.jwt.private-key}) or a key pair generated at startup. Encoding is Spring Security's
 * {@link NimbusJwtEncoder}; nothing here parses or signs JWTs by hand.
 */
public final class LocalTokenIssuer {

    private final String issuer;
    private final String keyId;
    private final String rolesClaim;
    private final RSAPublicKey publicKey;
    private final JwtEncoder encoder;

    private LocalTokenIssuer(String issuer, String keyId, String rolesClaim, RSAPublicKey publicKey,
            RSAPrivateKey privateKey) {
        this.issuer = issuer;
        this.keyId = keyId;
        this.rolesClaim = rolesClaim;
        this.publicKey = publicKey;
        this.encoder = NimbusJwtEncoder.withKeyPair(publicKey, privateKey)
                .algorithm(SignatureAlgorithm.RS256)
                .jwkPostProcessor(jwk -> jwk.keyID(keyId))
                .build();
    }

    /** The configured key, or a fresh 2048-bit key pair (startup only: key generation reads OS entropy). */
    public static LocalTokenIssuer from(SecurityProperties.Jwt settings) {
        try {
            RSAPrivateKey privateKey;
            RSAPublicKey publicKey;
            if (settings.privateKey() != null && !settings.privateKey().isBlank()) {
                privateKey = RsaKeyConverters.pkcs8().convert(
                        new ByteArrayInputStream(settings.privateKey().getBytes(StandardCharsets.US_ASCII)));
                if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
                    throw new IllegalStateException("citypark.security.jwt.private-key must be an RSA CRT key (PKCS#8)");
                }
                publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            }
            else {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                var pair = generator.generateKeyPair();
                privateKey = (RSAPrivateKey) pair.getPrivate();
                publicKey = (RSAPublicKey) pair.getPublic();
            }
            return new LocalTokenIssuer(settings.issuer(), settings.keyId(), settings.rolesClaim(), publicKey, privateKey);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up the local token issuer", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    /**
     * Signs a token for {@code subject} with the given roles (claim {@code citypark.security.jwt.roles-claim}) and
     * extra claims. CPU work plus a random token id: call it on a worker thread, not on an event loop.
     */
    public Jwt issue(String subject, Collection<Role> roles, Duration ttl, Map<String, Object> extraClaims) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(subject)
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(ttl))
                .id(UUID.randomUUID().toString())
                .claim(rolesClaim, roles.stream().map(Role::name).toList());
        extraClaims.forEach(claims::claim);
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build()));
    }
}
