package dev.citypark.core;

/** The addressed thing does not exist, or the caller may not know it exists. Answered with 404. */
public class NotFoundException extends RuntimeException {

    private final String kind;
    private final String id;

    public NotFoundException(String kind, String id) {
        super("No " + kind + " with id '" + id + "'");
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
