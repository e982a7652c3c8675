package dev.citypark.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.citypark.billing.PaymentMethod;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Money;

/**
 * A driver pays a bill.
 *
 * @param bill           the bill
 * @param amount         must equal the bill's amount (the client states what it believes it pays)
 * @param method         the channel
 * @param payerAccount   the wallet token of the payer at the provider
 * @param idempotencyKey the {@code Idempotency-Key} header: 1-100 visible ASCII characters
 */
public record PayBillCommand(UUID bill, Money amount, PaymentMethod method, String payerAccount,
                             String idempotencyKey) {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");

    public PayBillCommand {
        Objects.requireNonNull(bill, "bill");
        if (amount == null || amount.isNegative() || amount.isZero()) {
            throw new InvalidValueException("amountFen", "amountFen must be a positive number of fen");
        }
        Objects.requireNonNull(method, "method");
        if (payerAccount == null || payerAccount.isBlank() || payerAccount.length() > 128) {
            throw new InvalidValueException("payerAccount", "payerAccount must be 1-128 characters");
        }
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidValueException("Idempotency-Key",
                    "Idempotency-Key must be 1-100 visible ASCII characters");
        }
    }

    /** Fingerprint of what is asked, to tell a retry from a different request that reuses the key. */
    String requestHash() {
        String canonical = bill + "|" + amount.fen() + "|" + method.name() + "|" + payerAccount;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
