/**
 * Security: who is calling and what they may do.
 * <p>
 * Other modules use only the types of this package: {@link dev.citypark.security.CurrentCaller} (the caller of the
 * current request as a {@link dev.citypark.security.Caller}, and the ownership check every operator write needs)
 * and {@link dev.citypark.security.Role}. The path rules live in one place ({@code security.config
 * .WebSecurityConfiguration}); the credentials behind them in the sub-packages: operators' API keys
 * ({@code security.apikey}), the local JWT issuer and the decoder for local or external tokens ({@code security.token}),
 * and the admin and token endpoints ({@code security.web}).
 */
package dev.citypark.security;
