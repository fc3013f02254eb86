package io.companyos.scoring.incident;

import io.companyos.model.data.Incident;
import java.util.Locale;

/**
 * The identity used for repeat detection: the service plus the normalized title. Normalizing lowercases,
 * drops a leading {@code "<service>:"}, text in parentheses or brackets, and digits, and collapses
 * punctuation and whitespace, so "checkout: Payment provider timeouts" and "checkout: payment provider
 * timeouts (EU)" are the same incident again.
 */
public final class IncidentFingerprint {
  private IncidentFingerprint() {}

  /**
   * The fingerprint of an incident.
   *
   * @param incident the incident
   * @return the lowercased service, {@code |}, and the normalized title
   */
  public static String of(Incident incident) {
    return of(incident.service(), incident.title());
  }

  /**
   * The fingerprint of an incident of {@code service} titled {@code title} (for engines that hold rows, not records).
   *
   * @param service the service affected
   * @param title the incident's title
   * @return the lowercased service, {@code |}, and the normalized title
   */
  public static String of(String service, String title) {
    return service.toLowerCase(Locale.ROOT) + "|" + normalizeTitle(service, title);
  }

  static String normalizeTitle(String service, String title) {
    String t = title.toLowerCase(Locale.ROOT).strip();
    String prefix = service.toLowerCase(Locale.ROOT) + ":";
    if (t.startsWith(prefix)) {
      t = t.substring(prefix.length());
    }
    t = t.replaceAll("\\([^)]*\\)|\\[[^]]*]", " ").replaceAll("[0-9]+", " ").replaceAll("[^\\p{L}]+", " ");
    return t.strip().replaceAll(" +", " ");
  }
}
