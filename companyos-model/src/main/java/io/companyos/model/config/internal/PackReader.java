package io.companyos.model.config.internal;

import io.companyos.model.config.ProblemCode;
import io.companyos.model.pack.Delivery;
import io.companyos.model.pack.DeliveryChannel;
import io.companyos.model.pack.PackDefinition;
import io.companyos.model.pack.Recipient;
import io.companyos.model.pack.SectionSpec;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Reads a meeting-pack file ({@code meeting-packs/<id>.yaml}) into a {@link PackDefinition}. */
public final class PackReader {
  /** The keys a pack file may have. */
  public static final List<String> KEYS =
      List.of("name", "schedule", "timezone", "meeting", "lead_time", "recipients", "sections", "delivery");

  private static final Map<String, DeliveryChannel> CHANNELS = Arrays.stream(DeliveryChannel.values())
      .collect(Collectors.toMap(DeliveryChannel::yamlName, Function.identity()));

  private final BindContext ctx;

  public PackReader(BindContext ctx) {
    this.ctx = ctx;
  }

  /** Reads the pack whose id is {@code id} (the file stem); null when it has problems. */
  public @Nullable PackDefinition read(String id, YamlNode root) {
    ProblemSink sink = ctx.sink();
    boolean idOk = id.matches("[a-z0-9]+(-[a-z0-9]+)*");
    if (!idOk) {
      sink.add(ProblemCode.CONSTRAINT, Mark.FILE, "pack id '" + id + "' (the file name) is not kebab-case",
          "rename the file to lower-case words joined by hyphens, e.g. ops-review.yaml");
    }
    MapView m = MapView.of(root, sink, "a meeting pack", KEYS).orElse(null);
    if (m == null) {
      return null;
    }
    String name = m.requireString("name");
    String schedule = m.string("schedule");
    if (schedule != null) {
      CronSyntax.problem(schedule).ifPresent(p -> sink.add(ProblemCode.INVALID_CRON, m.valueMark("schedule"), p,
          "for example \"0 8 * * 1\" for Mondays at 08:00"));
    }
    ZoneId zone = m.zone("timezone", ZoneOffset.UTC);
    String meeting = m.string("meeting");
    if (meeting != null) {
      ctx.reference(Reference.Kind.MEETING, meeting, m.valueMark("meeting"), "'meeting'");
    }
    Duration lead = m.duration("lead_time", false);
    if (!m.has("schedule") && !m.has("meeting")) {
      m.missing("schedule", "give a 5-field cron 'schedule', or a 'meeting' to prepare (with 'lead_time')");
    }
    List<Recipient> recipients = recipients(m);
    List<SectionSpec> sections = sections(m);
    List<Delivery> delivery = deliveries(m);
    if (!sink.isClean() || name == null || zone == null || recipients == null || sections == null
        || delivery == null) {
      return null;
    }
    PackDefinition pack = ctx.construct(m.mark(),
        () -> new PackDefinition(id, name, schedule, zone, meeting, lead, recipients, sections, delivery));
    return pack == null ? null : ctx.remember(pack, m.node());
  }

  private @Nullable List<Recipient> recipients(MapView m) {
    List<YamlNode> items = m.list("recipients", false);
    if (items == null) {
      return null;
    }
    List<Recipient> out = new ArrayList<>();
    boolean ok = true;
    for (YamlNode item : items) {
      MapView r = MapView.of(item, ctx.sink(), "a recipient", List.of("role")).orElse(null);
      String role = r == null ? null : r.requireString("role");
      if (role == null) {
        ok = false;
        continue;
      }
      ctx.reference(Reference.Kind.ROLE, role, r.valueMark("role"), "recipient");
      out.add(ctx.remember(new Recipient(role), r.node()));
    }
    return ok ? out : null;
  }

  private @Nullable List<SectionSpec> sections(MapView m) {
    List<YamlNode> items = m.list("sections", true);
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      ctx.sink().add(ProblemCode.CONSTRAINT, m.valueMark("sections"), "'sections' is empty",
          "a pack needs at least one section");
      return null;
    }
    SectionReader reader = new SectionReader(ctx);
    List<SectionSpec> out = new ArrayList<>();
    boolean ok = true;
    for (YamlNode item : items) {
      SectionSpec s = reader.read(item);
      if (s == null) {
        ok = false;
      } else {
        out.add(s);
      }
    }
    return ok ? out : null;
  }

  private @Nullable List<Delivery> deliveries(MapView m) {
    List<YamlNode> items = m.list("delivery", false);
    if (items == null) {
      return null;
    }
    List<Delivery> out = new ArrayList<>();
    boolean ok = true;
    for (YamlNode item : items) {
      MapView d = MapView.of(item, ctx.sink(), "a delivery", List.of("channel", "destination", "url")).orElse(null);
      Delivery delivery = d == null ? null : delivery(d);
      if (delivery == null) {
        ok = false;
      } else {
        out.add(ctx.remember(delivery, d.node()));
      }
    }
    return ok ? out : null;
  }

  private @Nullable Delivery delivery(MapView d) {
    DeliveryChannel channel = d.choice("channel", CHANNELS, true);
    String destination = d.string("destination");
    String url = d.string("url");
    if (channel == null) {
      return null;
    }
    String needed = channel.usesUrl() ? "url" : "destination";
    String other = channel.usesUrl() ? "destination" : "url";
    if (!d.has(needed) || (channel.usesUrl() ? url : destination) == null) {
      ctx.sink().add(ProblemCode.DELIVERY_TARGET, d.mark(), channel.yamlName() + " delivery needs '" + needed + "'",
          channel.usesUrl() ? "for example url: \"/dashboards/ops-review\""
              : "for example destination: \"#ops-review\" or \"{{recipients}}\"");
      return null;
    }
    if (d.has(other)) {
      ctx.sink().add(ProblemCode.DELIVERY_TARGET, d.valueMark(other),
          channel.yamlName() + " delivery takes '" + needed + "', not '" + other + "'", "remove '" + other + "'");
      return null;
    }
    if (channel == DeliveryChannel.DASHBOARD && url != null) {
      ctx.reference(Reference.Kind.DASHBOARD_URL, url, d.valueMark("url"), "dashboard delivery");
    }
    return ctx.construct(d.mark(), () -> new Delivery(channel, destination, url));
  }
}
