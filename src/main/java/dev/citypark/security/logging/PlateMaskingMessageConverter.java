package dev.citypark.security.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.citypark.core.Plates;

/**
 * Logback {@code %m}/{@code %msg}/{@code %message} with every plate-like text masked ({@code 鲁B12345} →
 * {@code 鲁B·***45}, {@link Plates#maskAll}). Registered for all profiles in {@code logback-spring.xml}.
 */
public class PlateMaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Plates.maskAll(super.convert(event));
    }
}
