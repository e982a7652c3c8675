package dev.citypark.security;

import dev.citypark.CityparkIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's logging configuration masks plates in every message and stack trace it writes. */
@CityparkIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(LogMaskingIntegrationTest.class);

    @Test
    void rawPlatesNeverReachTheLog(CapturedOutput output) {
        log.info("Vehicle 鲁B12345 entered lot L-1; previous visit by 京A·D12345 and 粤B 88888");
        log.warn("Gate refused a record", new IllegalStateException("plate 沪C54321 is not registered",
                new IllegalArgumentException("cause mentions 鲁U12345")));

        assertThat(output.getOut())
                .contains("鲁B·***45", "京A·****45", "粤B·***88", "沪C·***21", "鲁U·***45")
                .doesNotContain("鲁B12345", "B12345", "AD12345", "D12345", "沪C54321", "C54321", "U12345", "88888");
        assertThat(output.getOut()).contains("IllegalStateException"); // the stack trace is still there, masked
    }
}
