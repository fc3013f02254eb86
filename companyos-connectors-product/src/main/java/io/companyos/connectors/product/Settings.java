package io.companyos.connectors.product;

import org.jspecify.annotations.Nullable;

/**
 * How to read the events of one source.
 *
 * @param accountGroup the group type whose key is the account (option {@code account_group}, default {@code company}):
 *     PostHog {@code properties.$groups.<type>}, Amplitude {@code groups.<type>}
 * @param accountProperty the event property naming the account when the event has no such group (option
 *     {@code account_property}); null: none
 * @param featureProperty the event property naming the feature used (option {@code feature_property}); null: no feature
 * @param signupEvent the tool's event name that is a sign-up (option {@code signup_event}); null: none
 */
record Settings(String accountGroup, @Nullable String accountProperty, @Nullable String featureProperty, @Nullable String signupEvent) {
  /** The account of events that name none. */
  static final String NO_ACCOUNT = "(none)";
}
