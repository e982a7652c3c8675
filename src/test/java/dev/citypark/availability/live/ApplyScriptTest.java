package dev.citypark.availability.live;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.citypark.registry.SpaceCategory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The script and the Java side agree on the category order that script arguments and fields use. */
class ApplyScriptTest {

    @Test
    void listsTheCategoriesInEnumOrder() throws IOException {
        String script;
        try (InputStream in = getClass().getResourceAsStream("/dev/citypark/availability/live/apply.lua")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher cats = Pattern.compile("local CATS = \\{([^}]*)}").matcher(script);
        assertThat(cats.find()).isTrue();
        String[] names = Arrays.stream(cats.group(1).split(",")).map(s -> s.strip().replace("'", ""))
                .toArray(String[]::new);

        assertThat(names).containsExactly(Arrays.stream(SpaceCategory.values()).map(Enum::name)
                .toArray(String[]::new));
        for (SpaceCategory category : SpaceCategory.values()) {
            assertThat(script).contains("'occ." + category.name() + "'").contains("'rep." + category.name() + "'");
        }
    }
}
