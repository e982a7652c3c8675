package dev.citypark.registry.geodata;

import dev.citypark.core.BayId;
import dev.citypark.core.GateId;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import dev.citypark.core.SegmentId;
import dev.citypark.registry.Bay;
import dev.citypark.registry.District;
import dev.citypark.registry.Gate;
import dev.citypark.registry.GuidanceScreen;
import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Operator;
import dev.citypark.registry.ScreenLine;
import dev.citypark.registry.Segment;
import dev.citypark.registry.WalkNode;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a geo-data folder (written by {@link GeoDataGenerator}) into the registry domain, for a bulk import.
 * <p>
 * Before parsing it checks every file listed in {@code manifest.json} against its size and SHA-256; then it parses
 * the files feature by feature (streaming, one Feature tree at a time), validating each record through the domain
 * constructors; finally it checks the city as a whole: ids unique (lots, segments, gates, screens, and bays across
 * streets and garages), QR anchors unique, references to operators, districts and lots resolve, and the counts and
 * spaces (in total and per district) equal the manifest. Any failure is a {@link GeoDataFormatException} naming the
 * file and, for a record, the feature index, id and field.
 */
public final class GeoDataReader {

    /** Reads one Feature at a time out of a FeatureCollection, so the rest of the array follows each tree. */
    private static final JsonMapper STREAMING = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private GeoDataReader() {
    }

    /** Reads and checks the geo-data folder at {@code dir} (any {@link Path}, e.g. inside a zip file system). */
    public static GeoData read(Path dir) {
        GeoDataManifest manifest = readManifest(dir);
        verifyFiles(dir, manifest);
        List<District> districts = readFeatures(dir, GeoDataWriter.DISTRICTS, GeoJsonCodec::districtFromFeature);
        List<Operator> operators = readOperators(dir);
        Set<String> listed = new HashSet<>();
        manifest.files().forEach(f -> listed.add(f.path()));
        List<Lot> lots = readFeatures(dir, GeoDataWriter.LOTS,
                feature -> GeoJsonCodec.lotFromFeature(feature, file -> readIndoor(dir, file, listed)));
        List<Segment> segments = readFeatures(dir, GeoDataWriter.SEGMENTS, GeoJsonCodec::segmentFromFeature);
        List<GuidanceScreen> screens = readFeatures(dir, GeoDataWriter.SCREENS, GeoJsonCodec::screenFromFeature);
        GeoData data = new GeoData(manifest, districts, operators, lots, segments, screens);
        checkCity(data);
        return data;
    }

    /**
     * Reads a geo-data folder from the classpath, e.g. {@code readFromClasspath("geo-data")} for a folder packaged
     * as a resource (in a directory or a plain jar).
     */
    public static GeoData readFromClasspath(String folder) {
        String manifestResource = folder + "/" + GeoDataWriter.MANIFEST;
        URL url = GeoDataReader.class.getClassLoader().getResource(manifestResource);
        if (url == null) {
            throw new GeoDataFormatException(manifestResource, "not found on the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                boolean opened = false;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                try {
                    return read(fs.provider().getPath(uri).getParent());
                } finally {
                    if (opened) {
                        fs.close();
                    }
                }
            }
            return read(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new GeoDataFormatException(manifestResource, "cannot open: " + e.getMessage(), e);
        }
    }

    /** Reads {@code manifest.json} only (no file checks). */
    public static GeoDataManifest readManifest(Path dir) {
        String file = GeoDataWriter.MANIFEST;
        JsonNode root = readTree(dir, file);
        try {
            int formatVersion = JsonFields.smallInteger(root, "formatVersion", "");
            if (formatVersion != GeoDataManifest.FORMAT_VERSION) {
                throw new GeoDataFormatException(file, "format version " + formatVersion + " is not supported (this"
                        + " reader reads version " + GeoDataManifest.FORMAT_VERSION + ")");
            }
            JsonNode counts = JsonFields.object(root, "counts", "");
            JsonNode spaces = JsonFields.object(root, "spaces", "");
            List<GeoDataManifest.DistrictSpaces> perDistrict = new ArrayList<>();
            JsonNode districts = JsonFields.array(root, "perDistrict", "");
            for (int i = 0; i < districts.size(); i++) {
                JsonNode d = districts.get(i);
                String at = "perDistrict[" + i + "]";
                GeoDataManifest.DistrictSpaces entry = new GeoDataManifest.DistrictSpaces(
                        JsonFields.text(d, "code", at), JsonFields.text(d, "name", at),
                        JsonFields.smallInteger(d, "lots", at), JsonFields.smallInteger(d, "segments", at),
                        JsonFields.integer(d, "onStreetSpaces", at), JsonFields.integer(d, "offStreetSpaces", at));
                if (JsonFields.integer(d, "totalSpaces", at) != entry.totalSpaces()) {
                    throw new GeoDataFormatException(file, at + ".totalSpaces is not onStreet + offStreet");
                }
                perDistrict.add(entry);
            }
            List<GeoDataManifest.FileChecksum> files = new ArrayList<>();
            JsonNode fileNodes = JsonFields.array(root, "files", "");
            for (int i = 0; i < fileNodes.size(); i++) {
                JsonNode f = fileNodes.get(i);
                String at = "files[" + i + "]";
                files.add(new GeoDataManifest.FileChecksum(JsonFields.text(f, "path", at),
                        JsonFields.integer(f, "bytes", at), JsonFields.text(f, "sha256", at)));
            }
            return new GeoDataManifest(formatVersion, JsonFields.integer(root, "seed", ""),
                    JsonFields.number(root, "scale", ""), JsonFields.smallInteger(counts, "districts", "counts"),
                    JsonFields.smallInteger(counts, "operators", "counts"),
                    JsonFields.smallInteger(counts, "lots", "counts"),
                    JsonFields.smallInteger(counts, "indoorGarages", "counts"),
                    JsonFields.smallInteger(counts, "segments", "counts"),
                    JsonFields.smallInteger(counts, "onStreetBays", "counts"),
                    JsonFields.smallInteger(counts, "indoorBays", "counts"),
                    JsonFields.smallInteger(counts, "screens", "counts"), JsonFields.integer(spaces, "total", "spaces"),
                    JsonFields.integer(spaces, "onStreet", "spaces"), JsonFields.integer(spaces, "offStreet", "spaces"),
                    perDistrict, files);
        } catch (InvalidValueException e) {
            throw new GeoDataFormatException(file, e.getMessage(), e);
        }
    }

    /** Reads one indoor file, e.g. "indoor/QD-L-00001.json", of the folder {@code dir} (no checksum check). */
    public static IndoorModel readIndoor(Path dir, String file) {
        JsonNode root = readTree(dir, safe(file));
        try {
            return GeoJsonCodec.indoorFromJson(root, "");
        } catch (InvalidValueException e) {
            throw new GeoDataFormatException(file, e.field() + ": " + e.getMessage(), e);
        }
    }

    private static IndoorModel readIndoor(Path dir, String file, Set<String> listed) {
        if (!listed.contains(file)) {
            throw new InvalidValueException("properties.indoorFile", "indoor file " + file
                    + " is not listed in the manifest");
        }
        return readIndoor(dir, file);
    }

    private static void verifyFiles(Path dir, GeoDataManifest manifest) {
        Set<String> required = new HashSet<>(List.of(GeoDataWriter.DISTRICTS, GeoDataWriter.OPERATORS,
                GeoDataWriter.LOTS, GeoDataWriter.SEGMENTS, GeoDataWriter.SCREENS));
        for (GeoDataManifest.FileChecksum entry : manifest.files()) {
            required.remove(entry.path());
            Path file = dir.resolve(safe(entry.path()));
            try {
                long size = Files.size(file);
                if (size != entry.bytes()) {
                    throw new GeoDataFormatException(entry.path(), "size " + size + " bytes differs from the "
                            + entry.bytes() + " bytes in the manifest");
                }
                String actual = GeoDataWriter.sha256(file);
                if (!actual.equalsIgnoreCase(entry.sha256())) {
                    throw new GeoDataFormatException(entry.path(), "SHA-256 " + actual
                            + " differs from the manifest's " + entry.sha256());
                }
            } catch (NoSuchFileException e) {
                throw new GeoDataFormatException(entry.path(), "listed in the manifest but missing", e);
            } catch (IOException e) {
                throw new GeoDataFormatException(entry.path(), "cannot read: " + e.getMessage(), e);
            }
        }
        if (!required.isEmpty()) {
            throw new GeoDataFormatException(GeoDataWriter.MANIFEST, "does not list " + required.stream().sorted()
                    .toList());
        }
    }

    private static String safe(String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\")
                || List.of(relative.split("/")).contains("..")) {
            throw new GeoDataFormatException(GeoDataWriter.MANIFEST, "unsafe path '" + relative + "'");
        }
        return relative;
    }

    private static JsonNode readTree(Path dir, String file) {
        try (InputStream in = Files.newInputStream(dir.resolve(file))) {
            return GeoJsonCodec.mapper().readTree(in);
        } catch (NoSuchFileException e) {
            throw new GeoDataFormatException(file, "missing", e);
        } catch (IOException e) {
            throw new GeoDataFormatException(file, "cannot read: " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new GeoDataFormatException(file, "malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static List<Operator> readOperators(Path dir) {
        String file = GeoDataWriter.OPERATORS;
        JsonNode root = readTree(dir, file);
        try {
            JsonNode array = JsonFields.array(root, "operators", "");
            List<Operator> operators = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                operators.add(GeoJsonCodec.operatorFromJson(array.get(i), "operators[" + i + "]"));
            }
            return operators;
        } catch (InvalidValueException e) {
            throw new GeoDataFormatException(file, e.field() + ": " + e.getMessage(), e);
        }
    }

    /** Streams the features of a FeatureCollection file, converting one Feature tree at a time. */
    private static <T> List<T> readFeatures(Path dir, String file, Function<JsonNode, T> converter) {
        List<T> out = new ArrayList<>();
        boolean sawFeatures = false;
        try (InputStream in = Files.newInputStream(dir.resolve(file));
             JsonParser parser = STREAMING.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new GeoDataFormatException(file, "not a GeoJSON FeatureCollection object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("type".equals(name)) {
                    if (value != JsonToken.VALUE_STRING || !"FeatureCollection".equals(parser.getString())) {
                        throw new GeoDataFormatException(file, "type must be \"FeatureCollection\"");
                    }
                } else if ("features".equals(name)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new GeoDataFormatException(file, "features must be an array");
                    }
                    sawFeatures = true;
                    int index = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode feature = STREAMING.readTree(parser);
                        try {
                            out.add(converter.apply(feature));
                        } catch (InvalidValueException e) {
                            JsonNode id = feature.get("id");
                            throw new GeoDataFormatException(file, "features[" + index + "]"
                                    + (id != null && id.isString() ? " (" + id.stringValue() + ")" : "") + ": "
                                    + e.field() + ": " + e.getMessage(), e);
                        }
                        index++;
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (NoSuchFileException e) {
            throw new GeoDataFormatException(file, "missing", e);
        } catch (IOException e) {
            throw new GeoDataFormatException(file, "cannot read: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new GeoDataFormatException(file, "cannot read: " + e.getCause().getMessage(), e);
        } catch (JacksonException e) {
            throw new GeoDataFormatException(file, "malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (!sawFeatures) {
            throw new GeoDataFormatException(file, "has no features array");
        }
        return out;
    }

    private static void checkCity(GeoData data) {
        Set<String> districtCodes = new HashSet<>();
        for (District d : data.districts()) {
            unique(districtCodes, d.code(), GeoDataWriter.DISTRICTS, "district code");
        }
        Set<OperatorId> operatorIds = new HashSet<>();
        for (Operator o : data.operators()) {
            unique(operatorIds, o.id(), GeoDataWriter.OPERATORS, "operator id");
        }
        Set<LotId> lotIds = new HashSet<>();
        Set<BayId> bayIds = new HashSet<>();
        Set<GateId> gateIds = new HashSet<>();
        Set<String> qrAnchors = new HashSet<>();
        for (Lot lot : data.lots()) {
            String file = GeoDataWriter.LOTS;
            unique(lotIds, lot.id(), file, "lot id");
            reference(operatorIds, lot.operator(), file, lot.id() + " operator");
            reference(districtCodes, lot.districtCode(), file, lot.id() + " district");
            for (Gate gate : lot.gates()) {
                unique(gateIds, gate.id(), file, "gate id");
            }
            IndoorModel indoor = lot.indoorModel();
            if (indoor != null) {
                for (Bay bay : indoor.bays()) {
                    unique(bayIds, bay.id(), GeoJsonWriter.indoorFileName(lot), "bay id");
                }
                for (WalkNode node : indoor.nodes()) {
                    if (node.qrAnchor() != null) {
                        unique(qrAnchors, node.qrAnchor(), GeoJsonWriter.indoorFileName(lot), "QR anchor");
                    }
                }
            }
        }
        Set<SegmentId> segmentIds = new HashSet<>();
        for (Segment segment : data.segments()) {
            String file = GeoDataWriter.SEGMENTS;
            unique(segmentIds, segment.id(), file, "segment id");
            reference(operatorIds, segment.operator(), file, segment.id() + " operator");
            reference(districtCodes, segment.districtCode(), file, segment.id() + " district");
            for (Bay bay : segment.bays()) {
                unique(bayIds, bay.id(), file, "bay id");
            }
        }
        Set<String> screenIds = new HashSet<>();
        for (GuidanceScreen screen : data.screens()) {
            unique(screenIds, screen.id(), GeoDataWriter.SCREENS, "screen id");
            for (ScreenLine line : screen.lines()) {
                reference(lotIds, line.lotId(), GeoDataWriter.SCREENS, screen.id() + " line");
            }
        }
        checkCounts(data);
    }

    private static void checkCounts(GeoData data) {
        GeoDataManifest m = data.manifest();
        List<IndoorModel> indoor = data.lots().stream().map(Lot::indoorModel).filter(i -> i != null).toList();
        expect("districts", m.districts(), data.districts().size());
        expect("operators", m.operators(), data.operators().size());
        expect("lots", m.lots(), data.lots().size());
        expect("indoorGarages", m.indoorGarages(), indoor.size());
        expect("indoorBays", m.indoorBays(), indoor.stream().mapToLong(i -> i.bays().size()).sum());
        expect("segments", m.segments(), data.segments().size());
        expect("onStreetBays", m.onStreetBays(), data.onStreetSpaces());
        expect("screens", m.screens(), data.screens().size());
        expect("spaces.onStreet", m.onStreetSpaces(), data.onStreetSpaces());
        expect("spaces.offStreet", m.offStreetSpaces(), data.offStreetSpaces());
        expect("spaces.total", m.totalSpaces(), data.totalSpaces());
        Map<String, long[]> actual = new HashMap<>();
        for (Lot lot : data.lots()) {
            long[] c = actual.computeIfAbsent(lot.districtCode(), k -> new long[4]);
            c[0]++;
            c[3] += lot.capacity().total();
        }
        for (Segment segment : data.segments()) {
            long[] c = actual.computeIfAbsent(segment.districtCode(), k -> new long[4]);
            c[1]++;
            c[2] += segment.bays().size();
        }
        long sum = 0;
        for (GeoDataManifest.DistrictSpaces d : m.perDistrict()) {
            long[] c = actual.getOrDefault(d.code(), new long[4]);
            expect(d.code() + ".lots", d.lots(), c[0]);
            expect(d.code() + ".segments", d.segments(), c[1]);
            expect(d.code() + ".onStreetSpaces", d.onStreetSpaces(), c[2]);
            expect(d.code() + ".offStreetSpaces", d.offStreetSpaces(), c[3]);
            sum += d.totalSpaces();
        }
        expect("perDistrict total", m.totalSpaces(), sum);
    }

    private static void expect(String what, long declared, long actual) {
        if (declared != actual) {
            throw new GeoDataFormatException(GeoDataWriter.MANIFEST, what + " is " + declared
                    + " in the manifest but the files hold " + actual);
        }
    }

    private static <T> void unique(Set<T> seen, T value, String file, String what) {
        if (!seen.add(value)) {
            throw new GeoDataFormatException(file, "duplicate " + what + " " + value);
        }
    }

    private static <T> void reference(Set<T> known, T value, String file, String what) {
        if (!known.contains(value)) {
            throw new GeoDataFormatException(file, what + " refers to unknown " + value);
        }
    }
}
