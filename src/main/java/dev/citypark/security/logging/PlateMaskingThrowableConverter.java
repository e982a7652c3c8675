package dev.citypark.security.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.citypark.core.Plates;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Boot's stack-trace rendering ({@code %wEx}) with every plate-like text masked: exception messages and causes can
 * quote request data. Registered for all profiles in {@code logback-spring.xml}.
 */
public class PlateMaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return Plates.maskAll(super.throwableProxyToString(proxy));
    }
}
