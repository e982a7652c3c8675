package dev.citypark.registry.geodata;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeoDataReaderTest {

    @TempDir
    Path dir;

    private GeoData written;

    @BeforeEach
    void generate() throws IOException {
        written = GeoDataGenerator.generate(11, 0.01, dir);
    }

    @Test
    void readsBackExactlyWhatWasWritten() {
        GeoData read = GeoDataReader.read(dir);

        assertThat(read.manifest()).isEqualTo(written.manifest());
        assertThat(read.districts()).isEqualTo(written.districts());
        assertThat(read.operators()).isEqualTo(written.operators());
        assertThat(read.lots()).isEqualTo(written.lots());
        assertThat(read.segments()).isEqualTo(written.segments());
        assertThat(read.screens()).isEqualTo(written.screens());
        assertThat(read.totalSpaces()).isEqualTo(3000);
        assertThat(read.streamBays().count()).isEqualTo(read.onStreetSpaces()
                + read.listIndoorGarages().get(0).indoorModel().bays().size());
    }

    @Test
    void rejectsAFileWhoseChecksumDiffers() throws IOException {
        Path segments = dir.resolve("segments.geojson");
        byte[] bytes = Files.readAllBytes(segments);
        int digit = indexOfDigitAfter(bytes, "\"coordinates\":[[");
        bytes[digit] = (byte) (bytes[digit] == '1' ? '2' : '1');
        Files.write(segments, bytes);

        assertThatThrownBy(() -> GeoDataReader.read(dir))
                .isInstanceOf(GeoDataFormatException.class)
                .hasMessageContaining("segments.geojson")
                .hasMessageContaining("SHA-256")
                .extracting(e -> ((GeoDataFormatException) e).file()).isEqualTo("segments.geojson");
    }

    @Test
    void rejectsAMissingIndoorFile() throws IOException {
        String indoor = written.manifest().files().stream().map(GeoDataManifest.FileChecksum::path)
                .filter(p -> p.startsWith("indoor/")).findFirst().orElseThrow();
        Files.delete(dir.resolve(indoor));

        assertThatThrownBy(() -> GeoDataReader.read(dir))
                .isInstanceOf(GeoDataFormatException.class)
                .hasMessageContaining(indoor)
                .hasMessageContaining("missing");
    }

    @Test
    void rejectsMalformedJsonNamingTheFile() throws IOException {
        rewrite("screens.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",");

        assertThatThrownBy(() -> GeoDataReader.read(dir))
                .isInstanceOf(GeoDataFormatException.class)
                .hasMessageStartingWith("screens.geojson: malformed JSON");
    }

    @Test
    void rejectsAnInvalidFeatureNamingItsIndexIdAndField() throws IOException {
        String lots = Files.readString(dir.resolve("lots.geojson"), StandardCharsets.UTF_8);
        rewrite("lots.geojson", lots.replaceFirst("\"openingHours\":\"[^\"]*\"", "\"openingHours\":\"sometimes\""));

        assertThatThrownBy(() -> GeoDataReader.read(dir))
                .isInstanceOf(GeoDataFormatException.class)
                .hasMessageContaining("lots.geojson: features[0] (QD-L-00001): properties.openingHours");
    }

    @Test
    void rejectsCountsThatDifferFromTheManifest() throws IOException {
        Path manifest = dir.resolve("manifest.json");
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.replace("\"total\" : 3000", "\"total\" : 3001"));

        assertThatThrownBy(() -> GeoDataReader.read(dir))
                .isInstanceOf(GeoDataFormatException.class)
                .hasMessageContaining("manifest.json: spaces.total is 3001 in the manifest but the files hold 3000");
    }

    /** Replaces a data file and updates its size and checksum in the manifest, so only the content is wrong. */
    private void rewrite(String file, String content) throws IOException {
        Path path = dir.resolve(file);
        GeoDataManifest.FileChecksum old = written.manifest().files().stream()
                .filter(f -> f.path().equals(file)).findFirst().orElseThrow();
        Files.writeString(path, content, StandardCharsets.UTF_8);
        String manifest = Files.readString(dir.resolve("manifest.json"))
                .replace(old.sha256(), GeoDataWriter.sha256(path))
                .replace("\"bytes\" : " + old.bytes() + ",", "\"bytes\" : " + Files.size(path) + ",");
        Files.writeString(dir.resolve("manifest.json"), manifest);
    }

    private static int indexOfDigitAfter(byte[] bytes, String marker) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(marker) + marker.length();
        while (!Character.isDigit(text.charAt(at))) {
            at++;
        }
        return at + 3;
    }
}
