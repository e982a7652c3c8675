package dev.citypark.session;

/** Who started a payment: autopay at exit, or the driver paying a bill. */
public enum PaymentChannel {
    AUTOPAY,
    DRIVER
}
