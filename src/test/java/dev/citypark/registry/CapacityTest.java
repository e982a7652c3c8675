package dev.citypark.registry;

import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapacityTest {

    @Test
    void countsMissingCategoriesAsZeroAndAddsUpTheTotal() {
        Capacity capacity = Capacity.of(Map.of(SpaceCategory.GENERAL, 90, SpaceCategory.DISABLED, 3));

        assertThat(capacity.total()).isEqualTo(93);
        assertThat(capacity.count(SpaceCategory.NEV)).isZero();
        assertThat(capacity.asMap()).containsOnlyKeys(SpaceCategory.values());
        assertThat(capacity.plus(Capacity.ofGeneral(10)).count(SpaceCategory.GENERAL)).isEqualTo(100);
    }

    @Test
    void rejectsNegativeCountsNamingTheCategory() {
        assertThatThrownBy(() -> Capacity.of(Map.of(SpaceCategory.LARGE, -2)))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("capacity.LARGE"));
    }

    @Test
    void equalCountsAreEqualCapacities() {
        assertThat(Capacity.of(Map.of(SpaceCategory.GENERAL, 5))).isEqualTo(Capacity.ofGeneral(5))
                .hasSameHashCodeAs(Capacity.ofGeneral(5));
    }
}
