package dev.citypark.billing;

import reactor.core.publisher.Mono;

/**
 * Receives the provider's asynchronous confirmations, after their signature was verified. Implemented by the module
 * that owns bills (sessions), so billing needs no dependency on it. Must be idempotent: providers repeat callbacks.
 */
public interface PaymentConfirmationListener {

    Mono<Void> onConfirmation(PaymentConfirmation confirmation);
}
