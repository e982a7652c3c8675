package dev.citypark.registry.geodata;

/**
 * A geo-data folder is missing a file, does not match its manifest, or holds a malformed or invalid record. The
 * message names the file and, where known, the feature and field.
 */
public class GeoDataFormatException extends RuntimeException {

    private final String file;

    public GeoDataFormatException(String file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public GeoDataFormatException(String file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The file (relative to the geo-data folder) that is at fault. */
    public String file() {
        return file;
    }
}
