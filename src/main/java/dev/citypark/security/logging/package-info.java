/**
 * Log masking: Logback converters that mask plates in every log message and stack trace (wired in
 * {@code logback-spring.xml}).
 */
package dev.citypark.security.logging;
