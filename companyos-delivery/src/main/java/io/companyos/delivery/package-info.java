/**
 * Delivery of finished packs to the channels their YAML names ({@code slack}, {@code email},
 * {@code dashboard}). {@link io.companyos.delivery.Deliverer} plans one dispatch per (channel,
 * destination), redacts each copy for its audience with {@link io.companyos.render.AccessPolicy},
 * skips what the {@link io.companyos.delivery.DeliveryLog} records as sent, sends with
 * {@link io.companyos.model.base.RetryPolicy retries} and tells the pack's owner when something failed.
 */
@NullMarked
package io.companyos.delivery;

import org.jspecify.annotations.NullMarked;
