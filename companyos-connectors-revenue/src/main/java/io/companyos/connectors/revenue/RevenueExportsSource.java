package io.companyos.connectors.revenue;

import io.companyos.connectors.common.ExportFiles;
import io.companyos.connectors.common.ExportReading;
import io.companyos.connectors.common.ExportRecords;
import io.companyos.connectors.common.LocatedJson;
import io.companyos.model.data.ArrMovement;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceDescription;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code accounts} and {@code arr_movements} from Stripe exports: one file, or every {@code .json} file under a
 * folder (sub-folders included, hidden ones not), each read as the list it turns out to be. Files are read once, on
 * first use. Each customer's ARR over time comes from its subscriptions and the recurring lines of their invoices; the
 * movements are the changes between consecutive states (docs/connectors.md, "The ARR rule"). Exports in several
 * currencies are refused ({@code COS-STRIPE-005}) unless the {@code currency} option names the one to read. In strict
 * mode (the default) the first bad file or entry fails the query with {@code file:line:col: COS-STRIPE-00n message}; in
 * lenient mode it is skipped, counted in the provenance and listed by {@link #skippedInputs()}.
 */
public final class RevenueExportsSource implements MetricSource {
  private static final Logger LOG = LoggerFactory.getLogger(RevenueExportsSource.class);
  private static final List<RecordKind<?>> KINDS = List.of(RecordKind.ACCOUNTS, RecordKind.ARR_MOVEMENTS);

  private final String id;
  private final Path path;
  private final boolean strict;
  private final Settings settings;
  private final ExportRecords<Assembly.Result> exports;

  RevenueExportsSource(String id, Path path, boolean strict, Settings settings, Clock clock) {
    this.id = id;
    this.path = path;
    this.strict = strict;
    this.settings = settings;
    this.exports = new ExportRecords<>(id, clock, null, this::read);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public SourceDescription describe() {
    exports.requireExports(path);
    return SourceDescription.of(RevenueExportsSourceProvider.ID, KINDS, List.of());
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    return exports.records(kind, window, KINDS, r -> kind.equals(RecordKind.ACCOUNTS) ? r.accounts() : r.movements());
  }

  /**
   * Entries and files lenient mode left out, in reading order.
   *
   * @return what was skipped
   * @deprecated the connectors share one type now: use {@link #skippedInputs()}
   */
  @Deprecated(since = "0.1.0")
  public List<SkippedInput> skipped() {
    return skippedInputs().stream().map(s -> new SkippedInput(s.file(), s.line(), s.column(), s.code(), s.reason())).toList();
  }

  /**
   * Entries and files lenient mode left out, in reading order.
   *
   * @return what was skipped
   */
  public List<io.companyos.connectors.common.SkippedInput> skippedInputs() {
    return exports.skipped();
  }

  private ExportRecords.Read<Assembly.Result> read() {
    ExportReading reading = new ExportReading(id, path, strict, RevenueExportException::new);
    List<ReadContext> read = new ArrayList<>();
    reading.eachFile(ExportFiles.list(id, path, ".json"), RevenueExportException.MALFORMED, "fix the file, or save the page again",
        (file, entries) -> {
          ReadContext ctx = new ReadContext(entries, settings);
          try (InputStream in = Files.newInputStream(file)) {
            StripeReader.read(LocatedJson.parse(in), ctx);
          }
          read.add(ctx);
          return ctx.format;
        });
    List<ReadContext.Sub> subs = new ArrayList<>();
    List<ReadContext.Line> lines = new ArrayList<>();
    List<ReadContext.Customer> customers = new ArrayList<>();
    List<ReadContext.Page> pages = new ArrayList<>();
    List<ReadContext.Currency> currencies = new ArrayList<>();
    int prorations = 0;
    int notRecurring = 0;
    int notCounted = 0;
    for (ReadContext ctx : read) {
      subs.addAll(ctx.subs);
      lines.addAll(ctx.lines);
      customers.addAll(ctx.customers);
      pages.addAll(ctx.pages);
      currencies.addAll(ctx.currencies);
      prorations += ctx.prorations;
      notRecurring += ctx.notRecurring;
      notCounted += ctx.invoicesNotCounted;
    }
    String currency = currency(currencies);
    Assembly.Result result = Assembly.build(subs, lines, customers, currencies, pages, currency, prorations, notRecurring, notCounted,
        late -> reading.fail(late.place().file(), late.problem()));
    List<String> notes = new ArrayList<>();
    if (!currencies.isEmpty()) {
      notes.add("amounts in " + currency.toUpperCase(java.util.Locale.ROOT));
    }
    notes.addAll(result.notes());
    String query = reading.query("no exports in " + path.getFileName(), notes, "Stripe exports", LOG);
    List<Instant> times = result.movements().stream().map(ArrMovement::date).toList();
    return ExportRecords.Read.of(result, query, reading, times);
  }

  /** The currency read: the option's, else the one every subscription and invoice is in. */
  private String currency(List<ReadContext.Currency> currencies) {
    if (settings.currency() != null) {
      return settings.currency();
    }
    if (currencies.isEmpty()) {
      return "usd";
    }
    ReadContext.Currency first = currencies.get(0);
    for (ReadContext.Currency c : currencies) {
      if (!c.code().equals(first.code())) {
        throw new RevenueExportException(RevenueExportException.CURRENCIES, id, c.place().file(), c.place().line(), c.place().column(),
            c.what() + " is in " + c.code().toUpperCase(java.util.Locale.ROOT) + ", " + first.what() + " ("
                + RevenueExportException.location(first.place().file(), first.place().line(), first.place().column()) + ") in "
                + first.code().toUpperCase(java.util.Locale.ROOT) + "; ARR is summed in one currency",
            "name the currency to read with the option currency (e.g. 'currency: " + first.code() + "'); the others are left out and counted");
      }
    }
    return first.code();
  }
}
