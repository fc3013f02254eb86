package io.companyos.model.config.internal;

import io.companyos.model.config.ProblemCode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Locale;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jspecify.annotations.Nullable;

/**
 * Runs the Jakarta Bean Validation constraints declared on the model records (blank names, id
 * patterns, sizes) through Hibernate Validator and reports each violation at the YAML position of
 * the offending key. Messages use {@link ParameterMessageInterpolator}, so no expression language
 * implementation is needed at run time.
 */
public final class ConstraintChecker {
  /**
   * Hibernate Validator announces its version at INFO on first use; that line would end up in every
   * CLI run's error output. Unless the user configured this logger, it is raised to WARNING. The
   * reference is kept so that the level is not lost when the logger is garbage-collected.
   */
  private static final java.util.logging.Logger VERSION_LOGGER = quietVersionLogger();

  private static java.util.logging.Logger quietVersionLogger() {
    java.util.logging.Logger l = java.util.logging.Logger.getLogger("org.hibernate.validator.internal.util.Version");
    if (l.getLevel() == null) {
      l.setLevel(java.util.logging.Level.WARNING);
    }
    return l;
  }

  private static final class Holder {
    static final ValidatorFactory FACTORY = Validation.byProvider(HibernateValidator.class)
        .configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory();
  }

  private ConstraintChecker() {}

  private static Validator validator() {
    VERSION_LOGGER.getName();
    return Holder.FACTORY.getValidator();
  }

  /** Validates {@code value} (a record or a list of records) and reports violations to the context's sink. */
  public static void check(Object value, BindContext ctx) {
    if (value instanceof Iterable<?> items) {
      for (Object item : items) {
        check(item, ctx);
      }
      return;
    }
    for (ConstraintViolation<Object> v : validator().validate(value)) {
      report(v, ctx);
    }
  }

  private static void report(ConstraintViolation<Object> v, BindContext ctx) {
    String property = null;
    for (Path.Node n : v.getPropertyPath()) {
      if (n.getName() != null) {
        property = n.getName();
      }
    }
    String key = property == null ? "value" : snakeCase(property);
    Object leaf = v.getLeafBean();
    YamlNode.Mapping origin = leaf == null ? null : ctx.origin(leaf);
    Mark mark = markOf(origin, key);
    ctx.sink().add(ProblemCode.CONSTRAINT, mark, "'" + key + "' " + v.getMessage(), hint(v));
  }

  private static Mark markOf(YamlNode.@Nullable Mapping origin, String key) {
    if (origin == null) {
      return Mark.FILE;
    }
    YamlNode.Entry e = origin.entry(key);
    return e != null ? e.value().mark() : origin.mark();
  }

  private static @Nullable String hint(ConstraintViolation<Object> v) {
    String annotation = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    return switch (annotation) {
      case "Pattern" -> "ids are lower-case words joined by '-' (packs, meetings, dashboards) or '_' (roles)";
      case "NotBlank" -> "write a non-empty value";
      default -> null;
    };
  }

  /** {@code leadTime} → {@code lead_time}: record components are camelCase, YAML keys snake_case. */
  static String snakeCase(String camel) {
    StringBuilder sb = new StringBuilder();
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        sb.append('_').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
