package dev.citypark.analytics.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QualityScoreTest {

    @Test
    void aPerfectOperatorScores100() {
        assertThat(QualityScore.score(12, 1.0, 1000, 0, 0, 0, 0, 5, 0)).isEqualTo(100);
    }

    @Test
    void weighsEachShortcomingAsTheFormulaSays() {
        // 50×0.9 + 15×(1−0.1) + 10×(1−0.05) + 10×(1−0.25) + 10×(1−0.5) + 5×(1−0.5) = 45+13.5+9.5+7.5+5+2.5 = 83
        assertThat(QualityScore.score(4, 0.9, 200, 20, 10, 1, 1, 2, 2)).isEqualTo(83);
    }

    @Test
    void nothingToCompareCountsAsNothingWrong() {
        assertThat(QualityScore.score(3, 0.0, 0, 0, 0, 0, 0, 0, 0)).isEqualTo(50);
    }

    @Test
    void anOperatorWithoutPlacesScoresZero() {
        assertThat(QualityScore.score(0, 1.0, 10, 0, 0, 0, 0, 0, 0)).isZero();
    }
}
