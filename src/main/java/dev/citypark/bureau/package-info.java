/**
 * The traffic bureau's page ({@code /bureau/}): static HTML, CSS and plain ES modules under
 * {@code src/main/resources/static/bureau}, served by WebFlux's static resource handling; this module only maps the
 * folder's URL to its {@code index.html}. The page is a client of the public registry and availability APIs and, signed
 * in as {@code BUREAU}, of the analytics API. No dependency on other modules.
 */
package dev.citypark.bureau;
