package dev.citypark.findmycar;

import static dev.citypark.findmycar.TestGarage.at;
import static dev.citypark.findmycar.TestGarage.bay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Turn-by-turn text of routes in the hand-built {@link TestGarage}. */
class DirectionsTest {

    private final GarageRouter router = GarageRouter.of(TestGarage.LOT, TestGarage.model());

    private Route fromPosition(double x, double y, String floor, String bay) {
        return router.route(new RouteStart.Position(at(x, y), Optional.of(floor)), bay(bay), Access.ANY);
    }

    @Test
    void describesAWalkAcrossFloorsInChineseAndEnglish() {
        Route route = router.route(new RouteStart.QrAnchor("L-T.B1-P1"), bay("B2-A001"), Access.ANY);

        // north from the pillar to the aisle, left (west) to the elevator, down one floor, east along zone A;
        // the bay is north of the aisle, on the left of someone walking east
        assertThat(route.instructions()).extracting(Instruction::zh).containsExactly(
                "从B1层柱 B1-P1 出发",
                "直行3米",
                "左转",
                "直行25米，到达电梯",
                "乘电梯到B2层",
                "沿A区通道直行45米",
                "车位 B2-A001 在您左侧");
        assertThat(route.instructions()).extracting(Instruction::en).containsExactly(
                "Start at the pillar B1-P1 on B1",
                "Walk straight on for 3 m",
                "Turn left",
                "Walk straight on for 25 m to the elevator",
                "Take the elevator to B2",
                "Walk 45 m along the aisle of zone B2-A",
                "Bay B2-A001 is on your left");
        assertThat(route.instructions()).extracting(Instruction::kind).containsExactly(InstructionKind.START,
                InstructionKind.WALK, InstructionKind.TURN_LEFT, InstructionKind.WALK, InstructionKind.ELEVATOR,
                InstructionKind.WALK, InstructionKind.ARRIVE);
        assertThat(route.instructions()).extracting(Instruction::floor).containsExactly(-1, -1, -1, -1, -1, -2, -2);
    }

    @Test
    void theInstructionsAddUpToTheRoute() {
        Route route = router.route(new RouteStart.QrAnchor("L-T.B1-P1"), bay("B2-A001"), Access.ANY);

        double sum = route.instructions().stream().mapToDouble(Instruction::metres).sum();
        assertThat(sum).isCloseTo(route.totalMetres(), within(0.1));
    }

    @Test
    void aBaySouthOfAnEastboundWalkIsOnTheRight() {
        Route route = router.route(new RouteStart.QrAnchor("L-T.B1-P1"), bay("B2-A002"), Access.ANY);

        assertThat(route.instructions().get(route.instructions().size() - 1).zh()).isEqualTo("车位 B2-A002 在您右侧");
    }

    @Test
    void walkingBackTheWayYouCameIsTurningAround() {
        // from (15, 0) on B1 the nearest node is J1 at (20, 0): you arrive heading east, the elevator is west
        Route route = fromPosition(15, 0, "B1", "B2-A001");

        assertThat(route.instructions()).extracting(Instruction::zh).containsExactly(
                "从您的位置步行5米到B1层通道路口 B1-J1",
                "掉头",
                "直行25米，到达电梯",
                "乘电梯到B2层",
                "沿A区通道直行45米",
                "车位 B2-A001 在您左侧");
        assertThat(route.instructions().get(0).en())
                .isEqualTo("From your position, walk 5 m to the aisle junction B1-J1 on B1");
    }

    @Test
    void stairsSayUpOrDown() {
        Route down = router.route(new RouteStart.QrAnchor("L-T.B1-P1"), bay("B3-A001"), Access.ANY);
        Route up = fromPosition(60, 1, "B3", "B2-A001");

        assertThat(down.instructions()).extracting(Instruction::zh).contains("走楼梯下到B3层");
        assertThat(down.instructions()).extracting(Instruction::en).contains("Take the stairs down to B3");
        assertThat(up.instructions()).extracting(Instruction::zh).contains("走楼梯上到B2层");
        assertThat(up.instructions()).extracting(Instruction::kind).contains(InstructionKind.STAIRS);
    }

    @Test
    void theSideNeedsAWalkingDirection() {
        // stairs arrive at B3-S, walk west 5 m to J3: the bay (60, 5) lies north of J3, i.e. on the right
        Route route = router.route(new RouteStart.QrAnchor("L-T.B1-P1"), bay("B3-A001"), Access.ANY);
        assertThat(route.instructions().get(route.instructions().size() - 1).zh()).isEqualTo("车位 B3-A001 在您右侧");

        // starting on the bay's own junction there is no walking direction to speak of
        Route here = fromPosition(60, 0, "B3", "B3-A001");
        assertThat(here.instructions()).extracting(Instruction::zh)
                .containsExactly("从B3层通道路口 B3-J3 出发", "车位 B3-A001 就在附近，约5米");
        assertThat(here.instructions().get(1).en()).isEqualTo("Bay B3-A001 is about 5 m from here");
    }

    @ParameterizedTest
    @CsvSource({"90, 0, 90", "0, 90, -90", "350, 10, -20", "10, 350, 20", "180, 0, 180", "0, 180, 180",
            "-170, 170, 20", "270, 90, 180"})
    void signedDifferenceIsClockwisePositiveWithinHalfATurn(double to, double from, double expected) {
        assertThat(Directions.signedDifference(to, from)).isCloseTo(expected, within(1e-9));
    }
}
