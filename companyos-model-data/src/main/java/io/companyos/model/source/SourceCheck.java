package io.companyos.model.source;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks a source of {@code sources.yaml} against the providers installed where definitions are
 * validated: is there a provider of its {@code type}, and does that provider accept its options? The
 * model cannot know the providers; {@code companyos validate} passes the registry's check so that an
 * unknown type or mode is reported at validation, located, instead of failing every later command.
 */
@FunctionalInterface
public interface SourceCheck {
  /** Checks nothing (the model's default: providers are not known). */
  SourceCheck NONE = (id, type, options) -> List.of();

  /** One problem: the option at fault ({@code null} when it is the type), what is wrong and what to do. */
  record Finding(@Nullable String option, String message, @Nullable String hint) {}

  /** The problems of source {@code id}; empty when a provider would accept it. */
  List<Finding> check(String id, String type, Map<String, String> options);
}
