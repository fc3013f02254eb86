package io.companyos.connectors.revenue;

import io.companyos.connectors.common.ExportFiles;
import io.companyos.connectors.common.ExportProblem;
import io.companyos.connectors.common.LocatedJson;
import io.companyos.model.data.ArrMovement;
import io.companyos.model.time.TimeWindow;
import io.companyos.sources.Dataset;
import io.companyos.sources.MetricSource;
import io.companyos.sources.Provenance;
import io.companyos.sources.RecordKind;
import io.companyos.sources.SourceDescription;
import io.companyos.sources.SourceUnavailableException;
import io.companyos.sources.UnsupportedQueryException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code accounts} and {@code arr_movements} from Stripe exports: one file, or every {@code .json} file under a
 * folder (sub-folders included, hidden ones not), each read as the list it turns out to be. Files are read once, on
 * first use. Each customer's ARR over time comes from its subscriptions and the recurring lines of their invoices; the
 * movements are the changes between consecutive states (docs/connectors.md, "The ARR rule"). Exports in several
 * currencies are refused ({@code COS-STRIPE-005}) unless the {@code currency} option names the one to read. In strict
 * mode (the default) the first bad file or entry fails the query with {@code file:line:col: COS-STRIPE-00n message}; in
 * lenient mode it is skipped, counted in the provenance and listed by {@link #skipped()}.
 */
public final class RevenueExportsSource implements MetricSource {
  private static final Logger LOG = LoggerFactory.getLogger(RevenueExportsSource.class);
  private static final List<RecordKind<?>> KINDS = List.of(RecordKind.ACCOUNTS, RecordKind.ARR_MOVEMENTS);

  private final String id;
  private final Path path;
  private final boolean strict;
  private final Settings settings;
  private final Clock clock;
  private volatile @Nullable Loaded loaded;

  private record Loaded(Assembly.Result result, String query, List<SkippedInput> skipped, Provenance.@Nullable Coverage covers) {}

  RevenueExportsSource(String id, Path path, boolean strict, Settings settings, Clock clock) {
    this.id = id;
    this.path = path;
    this.strict = strict;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public SourceDescription describe() {
    if (!Files.exists(path)) {
      throw new SourceUnavailableException(id, "no file or folder " + path, null);
    }
    return SourceDescription.of(RevenueExportsSourceProvider.ID, KINDS, List.of());
  }

  @Override
  public <T> Dataset<T> records(RecordKind<T> kind, TimeWindow window) {
    if (!KINDS.contains(kind)) {
      throw new UnsupportedQueryException(id, "records", kind.name());
    }
    Loaded l = load();
    List<?> rows = kind.equals(RecordKind.ACCOUNTS) ? l.result().accounts() : l.result().movements();
    return Dataset.inWindow(kind, rows, Provenance.of(id, l.query(), window, clock.instant()).withCovers(l.covers()));
  }

  /**
   * Entries and files lenient mode left out, in reading order.
   *
   * @return what was skipped
   */
  public List<SkippedInput> skipped() {
    return load().skipped();
  }

  private Loaded load() {
    Loaded l = loaded;
    if (l == null) {
      synchronized (this) {
        l = loaded;
        if (l == null) {
          l = read();
          loaded = l;
        }
      }
    }
    return l;
  }

  private Loaded read() {
    List<ReadContext.Sub> subs = new ArrayList<>();
    List<ReadContext.Line> lines = new ArrayList<>();
    List<ReadContext.Customer> customers = new ArrayList<>();
    List<ReadContext.Page> pages = new ArrayList<>();
    List<ReadContext.Currency> currencies = new ArrayList<>();
    List<SkippedInput> skipped = new ArrayList<>();
    List<String> described = new ArrayList<>();
    int prorations = 0;
    int notRecurring = 0;
    int notCounted = 0;
    long order = 0;
    for (Path file : ExportFiles.list(id, path, ".json")) {
      String name = ExportFiles.name(path, file);
      ReadContext ctx = new ReadContext(name, strict, order++, settings);
      try (InputStream in = Files.newInputStream(file)) {
        StripeReader.read(LocatedJson.parse(in), ctx);
      } catch (LocatedJson.Malformed e) {
        fail(name, RevenueExportException.MALFORMED, e.line, e.column, e.getMessage(), skipped, "fix the file, or save the page again");
        described.add(name + " (not read)");
        continue;
      } catch (ExportProblem p) {
        fail(name, p.code, p.line, p.column, p.getMessage(), skipped, p.hint);
        described.add(name + " (not read)");
        continue;
      } catch (IOException e) {
        throw new SourceUnavailableException(id, "cannot read " + file + ": " + e.getMessage(), e);
      }
      subs.addAll(ctx.subs);
      lines.addAll(ctx.lines);
      customers.addAll(ctx.customers);
      pages.addAll(ctx.pages);
      currencies.addAll(ctx.currencies);
      skipped.addAll(ctx.skipped);
      prorations += ctx.prorations;
      notRecurring += ctx.notRecurring;
      notCounted += ctx.invoicesNotCounted;
      described.add(name + " (" + ctx.format + ")");
    }
    String currency = currency(currencies);
    Assembly.Result result = Assembly.build(subs, lines, customers, currencies, pages, currency, prorations, notRecurring, notCounted,
        late -> fail(late.place().file(), late.problem().code, late.problem().line, late.problem().column, late.problem().getMessage(),
            skipped, late.problem().hint));
    StringBuilder query = new StringBuilder(described.isEmpty() ? "no exports in " + path.getFileName() : String.join(", ", described));
    if (!currencies.isEmpty()) {
      query.append("; amounts in ").append(currency.toUpperCase(java.util.Locale.ROOT));
    }
    for (String note : result.notes()) {
      query.append("; ").append(note);
    }
    if (!skipped.isEmpty()) {
      query.append("; ").append(skipped.size()).append(" bad ").append(skipped.size() == 1 ? "entry" : "entries").append(" skipped");
      LOG.warn("{}: skipped {} bad entries of the Stripe exports (lenient mode); first: {}", id, skipped.size(), skipped.get(0));
    }
    List<Instant> times = result.movements().stream().map(ArrMovement::date).toList();
    return new Loaded(result, query.toString(), List.copyOf(skipped), Provenance.Coverage.of(times).orElse(null));
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

  private void fail(String file, String code, int line, int column, String message, List<SkippedInput> skipped,
      @Nullable String hint) {
    if (strict) {
      throw new RevenueExportException(code, id, file, line, column, message,
          hint != null ? hint + "; or set 'mode: lenient' to skip it and report it" : "fix it, or set 'mode: lenient' to skip it and report it");
    }
    skipped.add(new SkippedInput(file, line, column, code, message));
  }
}
