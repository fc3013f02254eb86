package io.companyos.cli;

import io.companyos.delivery.Deliverer;
import io.companyos.delivery.DeliveryLog;
import io.companyos.delivery.DeliveryReport;
import io.companyos.delivery.DeliveryResult;
import io.companyos.delivery.DeliverySettings;
import io.companyos.delivery.Directory;
import io.companyos.delivery.Dispatch;
import io.companyos.delivery.StaticSitePublisher;
import io.companyos.model.CompanyDefinition;
import io.companyos.model.config.CompanyFolder;
import io.companyos.model.pack.Delivery;
import io.companyos.model.pack.DeliveryChannel;
import io.companyos.model.pack.PackDefinition;
import io.companyos.render.PackAssembler;
import io.companyos.render.PackDocument;
import io.companyos.render.export.PackExporter;
import io.companyos.render.export.PackExporters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code companyos deliver <pack> [--dry-run]}: assembles a pack and sends it to the channels of its YAML
 * {@code delivery} list (see {@link Deliverer}).
 */
@Command(name = "deliver", mixinStandardHelpOptions = true,
    description = {"Assembles a pack and delivers it to the channels its YAML names (slack, email, dashboard), each "
        + "copy redacted for its audience.",
        "Destinations already reached for this period are skipped (delivery log); failures are retried with "
        + "backoff and reported to the pack's owner.",
        "Settings come from COMPANYOS_* environment variables (docs/delivery.md). --dry-run shows what would "
        + "be sent and changes nothing."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every destination was reached or had been before (with --dry-run: the plan was shown)",
        "1:some destination failed or is not configured", "2:usage error"})
final class DeliverCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @picocli.CommandLine.Mixin
  DefinitionOptions definitions = new DefinitionOptions();

  @Parameters(paramLabel = "PACK", description = "Pack id, e.g. ops-review.")
  String pack;

  @Option(names = "--dry-run", description = "Show what would be sent to whom; send nothing, write no log.")
  boolean dryRun;

  @Option(names = "--as-of", paramLabel = "ISO", description = "Instant the data is taken at. Default: the sample "
      + "company's fixed as-of with the sample source, else now.")
  @Nullable String asOf;

  @Option(names = "--tz", paramLabel = "ZONE", description = "IANA time zone for dates and periods. Default: the meeting's zone.")
  @Nullable String tz;

  @Option(names = "--sources", paramLabel = "FILE", description = "sources.yaml naming the sources. Default: the company folder's sources.yaml, else the sample company.")
  @Nullable Path sources;

  @Option(names = "--directory", paramLabel = "FILE", description = "CSV of people (email,name,roles) that "
      + "\"{{recipients}}\" resolves to. Default: the company folder's directory.csv, else the sample company's "
      + "directory (example.com addresses, only with the sample source).")
  @Nullable Path directory;

  @Option(names = "--channel", paramLabel = "CHANNEL", split = ",",
      description = "Only these channels: slack, email, dashboard. Default: every channel of the pack.")
  List<String> channels = new ArrayList<>();

  @Option(names = "--delivery-log", paramLabel = "FILE", defaultValue = "deliveries/delivery-log.csv",
      description = "Where deliveries are recorded (idempotency). Default: ${DEFAULT-VALUE}.")
  Path log = Path.of("deliveries/delivery-log.csv");

  @Option(names = "--site", paramLabel = "DIR", defaultValue = "site",
      description = "Folder the dashboard channel publishes the static site to. Default: ${DEFAULT-VALUE}.")
  Path site = Path.of("site");

  @Option(names = "--attach", paramLabel = "FORMAT",
      description = "Attach the pack to every e-mail in this format, e.g. pdf (the exporter must be installed).")
  @Nullable String attach;

  @Option(names = "--settings", paramLabel = "FILE",
      description = "Properties file of COMPANYOS_* settings (webhooks, SMTP) that override the environment. "
          + "Default: the company folder's delivery.properties, if any.")
  @Nullable Path settings;

  @Option(names = "--payloads", paramLabel = "DIR",
      description = "Also write each message as a file (Slack JSON, e-mail .eml, dashboard HTML), e.g. with --dry-run.")
  @Nullable Path payloads;

  @Option(names = "--resend-unknown", description = "Post again to Slack destinations whose earlier post has an unknown "
      + "outcome (no answer after it was sent, or the run ended); check the channel first. E-mail and dashboards are always resent.")
  boolean resendUnknown;

  @Override
  public Integer call() throws IOException {
    CompanyDefinition company = definitions.company();
    PackDefinition def = company.findPack(pack).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "unknown pack '" + pack + "'; known packs: " + String.join(", ", company.packIds())));
    Set<DeliveryChannel> only = parseChannels();
    @Nullable ZoneId zone = CliArguments.zone(spec, tz);
    PackExporter attachment = attachment();
    Directory people = directory(company, def, only);
    Path settingsFile = definitions.file(settings, CompanyFolder.DELIVERY_SETTINGS_FILE);
    RenderSources.Opened opened = RenderSources.open(definitions.sources(sources), CliArguments.asOf(spec, asOf));
    PrintWriter err = spec.commandLine().getErr();
    DeliveryReport report;
    Deliverer deliverer;
    try (opened) {
      ZoneId z = zone != null ? zone : RenderCommand.zoneOf(company, def);
      PackDocument doc = new PackAssembler(company, opened.all()).assemble(def, opened.asOf(), z);
      // Sections left out by a located problem (a bad row of a data file) say where, one line each, as render prints them.
      doc.locatedProblems().forEach(err::println);
      deliverer = Deliverer.builder(company).directory(people).log(new DeliveryLog(log, err::println))
          .settings(settingsFile == null ? DeliverySettings.fromEnvironment()
              : DeliverySettings.load(settingsFile, System.getenv())).channels(only).attachment(attachment)
          .site(new StaticSitePublisher(company, opened.all(), site, opened.asOf(), zone))
          .resendUnknown(resendUnknown).build();
      report = deliverer.deliver(def, doc, dryRun);
    }
    if (payloads != null) {
      writePayloads(deliverer, report.results().stream().map(DeliveryResult::dispatch).toList());
    }
    PrintWriter out = spec.commandLine().getOut();
    for (DeliveryResult r : report.results()) {
      out.printf(Locale.ROOT, "%-14s %-9s %-30s %s%n", r.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'),
          r.dispatch().channel().yamlName(), io.companyos.model.base.Redaction.printable(r.dispatch().destination()), r.detail());
    }
    DeliveryReport.OwnerNotice notice = report.notice();
    if (notice != null) {
      err.printf(Locale.ROOT, "owner notice to %s (%s): %s%s%n", notice.ownerRole(),
          notice.to().isEmpty() ? "nobody in the directory" : String.join(", ", notice.to()),
          notice.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'), notice.detail().isEmpty() ? "" : " — " + notice.detail());
      if (notice.outcome() != DeliveryResult.Outcome.SENT) {
        err.print(notice.text());
      }
    }
    long problems = report.results().stream().filter(r -> r.outcome().problem()).count();
    err.printf(Locale.ROOT, "%s %s for %s: %d destinations, %d problems%s%n", dryRun ? "planned" : "delivered", pack,
        report.period(), report.results().size(), problems, dryRun ? " (dry run: nothing sent, log untouched)" : "");
    err.flush();
    return !dryRun && report.failed() ? Main.EXIT_PROBLEMS : 0;
  }

  private Set<DeliveryChannel> parseChannels() {
    Set<DeliveryChannel> only = EnumSet.noneOf(DeliveryChannel.class);
    for (String c : channels) {
      try {
        only.add(DeliveryChannel.valueOf(c.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "unknown channel '" + c + "'; channels: slack, email, dashboard");
      }
    }
    return only;
  }

  private @Nullable PackExporter attachment() {
    if (attach == null) {
      return null;
    }
    PackExporters exporters = PackExporters.discover();
    return exporters.find(attach.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "unknown format '" + attach + "'; available: " + String.join(", ", exporters.formats())));
  }

  private Directory directory(CompanyDefinition company, PackDefinition def, Set<DeliveryChannel> only) {
    Path file = definitions.file(directory, CompanyFolder.DIRECTORY_FILE);
    if (file != null) {
      return Directory.load(file, company.roles());
    }
    boolean needsPeople = def.delivery().stream().anyMatch(Delivery::toRecipients)
        && (only.isEmpty() || only.contains(DeliveryChannel.EMAIL));
    if (definitions.sources(sources) != null && needsPeople) {
      throw new ParameterException(spec.commandLine(), "pack '" + pack + "' e-mails \"{{recipients}}\": pass --directory "
          + "with a CSV of email,name,roles (the sample directory goes only with the sample company)");
    }
    return Directory.sample(company.roles());
  }

  private void writePayloads(Deliverer deliverer, List<Dispatch> plan) throws IOException {
    Files.createDirectories(payloads);
    Set<String> used = new java.util.HashSet<>();
    for (Dispatch d : plan) {
      Deliverer.Payload p = deliverer.payload(d);
      String name = payloadName(pack, d.channel().yamlName(), d.destination(), d.key().value(), p.extension(), used);
      io.companyos.model.base.OutputFiles.replace(payloads.resolve(name), p.bytes());
      spec.commandLine().getErr().println("payload " + payloads.resolve(name));
    }
  }

  /**
   * The file name of one payload: {@code <pack>-<channel>-<destination>.<ext>} with the destination reduced
   * to letters, digits and {@code @._-}. Two destinations that reduce to the same name (compared without
   * case, for case-insensitive file systems) would overwrite each other: the later one gets the first 8
   * digits of its delivery key ({@code -<key8>}) before the extension.
   */
  static String payloadName(String pack, String channel, String destination, String key, String extension, Set<String> used) {
    String base = pack + "-" + channel + "-" + destination.replaceAll("[^A-Za-z0-9@._-]+", "_").replaceAll("^[_.]+", "");
    String name = base + "." + extension;
    if (!used.add(name.toLowerCase(Locale.ROOT))) {
      name = base + "-" + key.substring(0, Math.min(8, key.length())) + "." + extension;
      for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
        name = base + "-" + key.substring(0, Math.min(8, key.length())) + "-" + n + "." + extension;
      }
    }
    return name;
  }

}
