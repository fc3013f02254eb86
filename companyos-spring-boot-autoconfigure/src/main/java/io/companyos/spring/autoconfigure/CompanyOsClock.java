package io.companyos.spring.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The qualifier of the {@link java.time.Clock} the rhythm engine uses. The starter registers no {@code Clock} bean
 * (one in your context is yours alone); without a {@code @CompanyOsClock Clock} bean it uses {@code Clock.systemUTC()}.
 * To fix the engine's time, e.g. in a test:
 *
 * <pre>{@code
 * @Bean @CompanyOsClock Clock companyOsTestClock() { return Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC); }
 * }</pre>
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface CompanyOsClock {}
