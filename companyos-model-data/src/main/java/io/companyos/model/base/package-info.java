/**
 * What every part of CompanyOS shares: {@link io.companyos.model.base.CompanyOsException}, the base of every
 * located, coded error ({@code file:line:col: CODE message}), {@link io.companyos.model.base.Redaction}, the
 * one rule that keeps credentials and URLs' secrets out of messages, logs and payloads,
 * {@link io.companyos.model.base.RetryPolicy}, the one retry policy, and
 * {@link io.companyos.model.base.HttpSender}, the one way requests are sent (no redirect followed, the retry
 * policy applied, no URL secret in a message).
 */
@NullMarked
package io.companyos.model.base;

import org.jspecify.annotations.NullMarked;
