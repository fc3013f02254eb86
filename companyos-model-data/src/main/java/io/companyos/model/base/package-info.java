/**
 * What every part of CompanyOS shares: {@link io.companyos.model.base.CompanyOsException}, the base of every
 * located, coded error ({@code file:line:col: CODE message}), and {@link io.companyos.model.base.Redaction}, the
 * one rule that keeps credentials and URLs' secrets out of messages, logs and payloads.
 */
@NullMarked
package io.companyos.model.base;

import org.jspecify.annotations.NullMarked;
