package dev.citypark.security;

/** What a caller is allowed to be. Spring Security sees each as the authority {@code ROLE_<name>}. */
public enum Role {

    /** A parking operator's gateway or back office, authenticated by an API key ({@code X-Api-Key}). */
    OPERATOR,
    /** A driver, authenticated by a bearer JWT whose subject is the driver's account id. */
    DRIVER,
    /** The traffic bureau: read-only analytics and registry, authenticated by a service JWT. */
    BUREAU,
    /** Platform administration (onboarding operators, issuing keys), authenticated by {@code X-Admin-Token}. */
    ADMIN;

    private static final String PREFIX = "ROLE_";

    /** The Spring Security authority of this role, e.g. {@code ROLE_OPERATOR}. */
    public String authority() {
        return PREFIX + name();
    }

    /** The role of a {@code roles} claim value ({@code DRIVER} or {@code ROLE_DRIVER}, any case), if it is one. */
    public static java.util.Optional<Role> parse(String value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        String name = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (name.startsWith(PREFIX)) {
            name = name.substring(PREFIX.length());
        }
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }
}
