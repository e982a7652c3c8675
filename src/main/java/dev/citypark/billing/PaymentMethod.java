package dev.citypark.billing;

import java.util.Locale;

import dev.citypark.core.InvalidValueException;

/** The payment channels a driver can bind or pay with. */
public enum PaymentMethod {
    WECHAT_PAY,
    ALIPAY,
    UNIONPAY,
    /** ETC card account (不停车收费) used for contactless parking payment. */
    ETC;

    /** @throws InvalidValueException (field {@code method}) for anything else */
    public static PaymentMethod parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("method", "method is required: WECHAT_PAY, ALIPAY, UNIONPAY or ETC");
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidValueException("method", "method must be WECHAT_PAY, ALIPAY, UNIONPAY or ETC");
        }
    }
}
