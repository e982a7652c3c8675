package dev.citypark.billing;

import reactor.core.publisher.Mono;

/**
 * The port to whoever moves the money (WeChat Pay, Alipay, UnionPay, an ETC bank). One adapter talks to a provider
 * that answers asynchronously: the request is accepted ({@link ChargeResult.Pending}) and the outcome arrives later as
 * a signed callback on {@code POST /api/v1/payments/callback}, delivered to every {@link PaymentConfirmationListener}.
 * The simulated provider (the embedded default and tests) confirms at once, declines, fails, never answers or
 * confirms late, depending on the account token it is given.
 * <p>
 * Callers put their own timeout on {@link #charge}; a provider that does not answer in time may still confirm later.
 * Charging the same {@code paymentId} twice must not take the money twice.
 */
public interface PaymentProvider {

    /** A short name stored with each payment, e.g. {@code simulated}. */
    String name();

    /** Asks for the money; errors mean the provider could not be reached or refused to answer. */
    Mono<ChargeResult> charge(ChargeRequest request);
}
