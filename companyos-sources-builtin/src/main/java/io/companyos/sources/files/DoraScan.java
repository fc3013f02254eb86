package io.companyos.sources.files;

import io.companyos.model.data.DeployStatus;
import io.companyos.model.data.Deployment;
import io.companyos.model.time.TimeWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The columnar read behind {@code score dora} on big Four Keys exports: what the keys of one window need, without a record
 * per row. Deployments before the window end are read first; each change id they ship is interned (its text kept once,
 * beside the time of its first deployment, in pages of bytes), in two lanes split by the id's hash, one on the calling
 * thread and one on a second thread ({@link IdTable}); then changes.csv is read against those tables (a semi-join),
 * keeping only the lead time of changes first deployed in the window. The window's deployments are kept as columns
 * (creation time, failure status, the place of the id in the deploy id table), never as records. Rows before 1970 or
 * from the window end on are skipped, as the record path of {@code score dora} reads them.
 *
 * <p>The files are read as bytes, never decoded: a small RFC 4180 scanner finds the fields (comma-separated, double quotes
 * around a field, CR, LF or CRLF line ends, blank lines skipped) and {@link IsoTimes} reads times from the bytes. Each file
 * is cut into chunks at line ends and the chunks are scanned on up to two threads; their rows are then taken in file order,
 * so the result is the one a single thread gives. A chunk cut inside a quoted line break is seen when its rows are taken
 * (it did not start where the chunk before it ended) and is scanned again from the right place.
 *
 * <p>The scan reads well-formed files only: any row the files source would reject (a repeated deploy or change id among
 * them), a quoted field left open or followed by text, a quote inside an unquoted field, a field it needs that holds a
 * doubled quote, a quoted line break or bytes outside ASCII, or window bounds finer than a millisecond give
 * {@link Optional#empty()}, and the caller reads the files as records instead, which reports the bad row exactly as before.
 */
public final class DoraScan {
  private static final long FLOOR = 0; // 1970-01-01T00:00:00Z
  /** Bytes per chunk. */
  static final int CHUNK_BYTES = 8 << 20;
  /** How far a chunk's last record may run past the chunk's end; a longer record is not plain. */
  private static final int MAX_OVERRUN = 4 << 20;
  /**
   * Table look-ups go in groups of this many ids: before a group, the slots of the next group's ids are read in one short
   * loop (see {@link #touch}).
   */
  static final int GROUP = 16;
  /** Where the look-ahead reads go, so that the compiler keeps them; never read. */
  @SuppressWarnings("unused")
  private static long sink;

  /**
   * Reads the slots of the ids whose hashes are {@code hashes[from, to)} (every {@code stride}-th int from {@code from})
   * in {@code table}, and only reads them. The slot arrays are far bigger than the processor's caches, so a look-up
   * mostly waits for its slot; reads issued back to back, independent of one another, wait together (about one wait per
   * group instead of one per id: interning measured 1.8 times faster), and the look-ups that follow find the slots in
   * the cache. Reads spread between the look-ups gave nothing: each held up the instructions after it.
   */
  private static long touch(IdTable[] tables, int[] hashes, int from, int to, int stride) {
    long[] s0 = tables[0].slots();
    long[] s1 = tables.length > 1 ? tables[1].slots() : s0;
    long touched = 0;
    for (int i = from; i < to; i += stride) {
      int h = hashes[i];
      long[] s = lane(h) == 0 ? s0 : s1;
      touched += s[h & (s.length - 1)];
    }
    return touched;
  }

  /**
   * What the scan found: the window's deployments as columns, in file order (their ids read on demand from the scan's
   * tables), and the lead times of the changes first deployed in the window.
   */
  public static final class Result {
    private final long[] deploySeconds;
    private final int[] deployNanos;
    private final BitSet deployFailed;
    private final int[] deployPlaces;
    private final IdTable[] deployIds;
    private final double[] leadHours;
    private final List<String> leadChangeIds;

    Result(long[] deploySeconds, int[] deployNanos, BitSet deployFailed, int[] deployPlaces, IdTable[] deployIds, double[] leadHours,
        List<String> leadChangeIds) {
      this.deploySeconds = deploySeconds;
      this.deployNanos = deployNanos;
      this.deployFailed = deployFailed;
      this.deployPlaces = deployPlaces;
      this.deployIds = deployIds;
      this.leadHours = leadHours;
      this.leadChangeIds = leadChangeIds;
    }

    /**
     * The creation time of each deployment of the window, in file order.
     *
     * @return seconds since the epoch (the array itself, not a copy)
     */
    public long[] deploySeconds() {
      return deploySeconds;
    }

    /**
     * The nanoseconds of the second of each deployment's creation time.
     *
     * @return one per deployment (the array itself, not a copy)
     */
    public int[] deployNanos() {
      return deployNanos;
    }

    /**
     * The deployments whose status is a failure.
     *
     * @return their indexes (a copy)
     */
    public BitSet deployFailed() {
      return (BitSet) deployFailed.clone();
    }

    /**
     * The id of a deployment of the window, read from the scan's table (the deploy ids of a file are distinct, or the
     * scan gives up).
     *
     * @param i its index, from 0 to {@code deploySeconds().length - 1}
     * @return its id
     */
    public String deployId(int i) {
      int place = deployPlaces[i];
      return deployIds[IdTable.laneOf(place)].name(place);
    }

    /**
     * The index of the window's deployment with an id.
     *
     * @param id a deploy id
     * @return its index, or -1 when no deployment of the window has it
     */
    public int deployIndex(String id) {
      byte[] b = new byte[id.length()];
      for (int i = 0; i < b.length; i++) {
        char c = id.charAt(i);
        if (c > 127) {
          return -1; // every id the scan kept is ASCII
        }
        b[i] = (byte) c;
      }
      int h = Fields.hash(b, 0, b.length);
      IdTable table = deployIds[lane(h)];
      int place = table.find(b, 0, b.length, h);
      return place < 0 ? -1 : table.ordinal(place);
    }

    /**
     * Hours from creation to first deployment of the changes first deployed in the window (positive only).
     *
     * @return one per change (the array itself, not a copy)
     */
    public double[] leadHours() {
      return leadHours;
    }

    /**
     * The ids of those changes, in the same order as {@link #leadHours()}.
     *
     * @return a list read on demand from the scan's tables
     */
    public List<String> leadChangeIds() {
      return leadChangeIds;
    }

    /**
     * The window's deployments as records (each with its exact time and no change list), in file order: made on each
     * call, for tests and small windows; {@code score dora} reads the columns.
     *
     * @return the records
     */
    public List<Deployment> deploymentsInWindow() {
      List<Deployment> out = new ArrayList<>(deploySeconds.length);
      for (int i = 0; i < deploySeconds.length; i++) {
        out.add(new Deployment(deployId(i), Instant.ofEpochSecond(deploySeconds[i], deployNanos[i]), List.of(),
            deployFailed.get(i) ? DeployStatus.FAILURE : DeployStatus.SUCCESS));
      }
      return out;
    }
  }

  private DoraScan() {}

  /** Why the scan gave up; the record path reads the files instead. */
  static final class NotScannable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotScannable() {
      super(null, null, false, false);
    }
  }

  /**
   * Scans {@code deployments.csv} and, if present, {@code changes.csv} in {@code dir} for {@code window}; empty when the
   * files are not plain enough for the scan (see the class comment).
   */
  public static Optional<Result> scan(Path dir, TimeWindow window) throws IOException {
    return scan(dir, window, Math.min(2, Runtime.getRuntime().availableProcessors()), CHUNK_BYTES);
  }

  /** {@link #scan(Path, TimeWindow)} on {@code threads} threads (1: the calling thread only), cutting files every {@code chunkBytes}. */
  static Optional<Result> scan(Path dir, TimeWindow window, int threads, int chunkBytes) throws IOException {
    Instant s = window.start();
    Instant e = window.end();
    if (s.getNano() % 1_000_000 != 0 || e.getNano() % 1_000_000 != 0) {
      return Optional.empty();
    }
    long start = s.toEpochMilli();
    long end = e.toEpochMilli();
    if (end >= (1L << 48) - 1) {
      return Optional.empty(); // past the year 10889: more than a first-deployment time's 48 bits hold
    }
    ExecutorService pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "dora-scan");
      t.setDaemon(true);
      return t;
    });
    // Interning runs in two lanes split by the id's hash: the calling thread takes lane 0, this thread lane 1.
    ExecutorService lane = threads <= 1 ? null : Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "dora-intern");
      t.setDaemon(true);
      return t;
    });
    try {
      IdTable[] ids = {new IdTable(true, 0), new IdTable(true, 1)};
      IdTable[] deployIds = {new IdTable(false, 0), new IdTable(false, 1)};
      Window inWindow = new Window();
      List<Future<?>> laneOne = new ArrayList<>(1);
      Sizes sizes = new Sizes();
      new Chunks<DeployPart>(dir.resolve("deployments.csv"), pool, threads, chunkBytes,
          List.of("deploy_id", "time_created"), "changes", "status") {
        /** The part lane 1 may still be interning. */
        DeployPart previous;

        {
          recycleOnTake = false;
        }

        @Override
        void recycle(DeployPart p) {
          super.recycle(p);
          sizes.spare(p.rows.a); // both lanes have interned the part
          sizes.spare(p.times);
        }

        @Override
        DeployPart newPart() {
          return new DeployPart(start, end, sizes);
        }

        @Override
        void take(DeployPart p) throws IOException {
          Part read = p; // its file positions (DeployPart's start and end are the window's)
          if (read.start == dataStart()) { // the first part: room for as many ids per byte in the whole file, in each lane
            double scale = (double) (fileSize() - read.start) / Math.max(1, read.end - read.start) / 2;
            for (int l = 0; l < 2; l++) {
              ids[l].reserve((long) (p.shippedIds() * scale));
              deployIds[l].reserve((long) (p.count * scale));
            }
          }
          inWindow.add(p); // before interning: it numbers the part's deployments from the count so far
          sizes.rowInts = Sizes.more(sizes.rowInts, p.rows.n);
          sizes.rows = Sizes.more(sizes.rows, p.count);
          sizes.inWindow = Sizes.more(sizes.inWindow, p.inCount);
          if (lane == null) {
            p.intern(ids[0], deployIds[0], 0);
            p.intern(ids[1], deployIds[1], 1);
            recycle(p);
          } else {
            if (!laneOne.isEmpty()) {
              await(laneOne.remove(0)); // lane 1 takes the parts in file order, at most one behind
              recycle(previous);
            }
            laneOne.add(lane.submit(() -> p.intern(ids[1], deployIds[1], 1)));
            p.intern(ids[0], deployIds[0], 0);
            previous = p;
          }
        }
      }.run();
      if (!laneOne.isEmpty()) {
        await(laneOne.remove(0));
      }
      Leads leads = new Leads(1024);
      Path changes = dir.resolve("changes.csv");
      if (Files.isRegularFile(changes)) {
        AtomicLongArray seen = new AtomicLongArray((int) (Math.max(ids[0].placeLimit(), ids[1].placeLimit()) / 64 + 1));
        IdTable unshipped = new IdTable(false, 0);
        sizes.rows = 0; // now rows of changes
        new Chunks<ChangePart>(changes, pool, threads, chunkBytes, List.of("change_id", "time_created")) {
          @Override
          ChangePart newPart() {
            return new ChangePart(start, end, ids, seen, sizes);
          }

          @Override
          void take(ChangePart p) {
            sizes.rows = Sizes.more(sizes.rows, p.n);
            sizes.leads = Sizes.more(sizes.leads, p.leads.n);
            p.take(unshipped, leads);
          }
        }.run();
      }
      int count = leads.n;
      int[] placeOfLead = leads.ids;
      List<String> names = new AbstractList<>() {
        @Override
        public String get(int i) {
          int place = placeOfLead[i];
          return ids[IdTable.laneOf(place)].name(place);
        }

        @Override
        public int size() {
          return count;
        }
      };
      return Optional.of(new Result(Arrays.copyOf(inWindow.seconds, inWindow.n), Arrays.copyOf(inWindow.nanos, inWindow.n),
          inWindow.failed, inWindow.places(), deployIds, Arrays.copyOf(leads.hours, count), names));
    } catch (NotScannable | IllegalArgumentException ex) { // a BadTime is an IllegalArgumentException
      return Optional.empty();
    } catch (UncheckedIOException ex) {
      throw ex.getCause();
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
      if (lane != null) {
        lane.shutdownNow();
      }
    }
  }

  /** The window's deployments found so far, in file order; their ids' places are read from the parts once interned. */
  private static final class Window {
    long[] seconds = new long[1024];
    int[] nanos = new int[1024];
    final BitSet failed = new BitSet();
    int n;
    /** Each part's places array and the index of its first deployment (not the parts: they hold their rows). */
    private final List<int[]> places = new ArrayList<>();
    private final Ints bases = new Ints();

    /** Adds the part's deployments of the window and numbers them from the count so far. */
    void add(DeployPart p) {
      p.base = n;
      p.places = new int[p.inCount];
      if (n + p.inCount > seconds.length) {
        int size = Math.max(seconds.length * 2, n + p.inCount);
        seconds = Arrays.copyOf(seconds, size);
        nanos = Arrays.copyOf(nanos, size);
      }
      System.arraycopy(p.inSeconds, 0, seconds, n, p.inCount);
      System.arraycopy(p.inNanos, 0, nanos, n, p.inCount);
      for (int i = p.inFailed.nextSetBit(0); i >= 0; i = p.inFailed.nextSetBit(i + 1)) {
        failed.set(n + i);
      }
      n += p.inCount;
      places.add(p.places);
      bases.add(p.base);
    }

    /** The place of each deployment's id (call once every part is interned). */
    int[] places() {
      int[] out = new int[n];
      for (int i = 0; i < places.size(); i++) {
        System.arraycopy(places.get(i), 0, out, bases.a[i], places.get(i).length);
      }
      return out;
    }
  }

  /** Lead times found so far and the places of their changes' ids (which tell the lane too). */
  private static final class Leads {
    double[] hours;
    int[] ids;
    int n;

    Leads(int capacity) {
      hours = new double[Math.max(16, capacity)];
      ids = new int[hours.length];
    }

    void add(double h, int id) {
      if (n == hours.length) {
        hours = Arrays.copyOf(hours, n * 2);
        ids = Arrays.copyOf(ids, n * 2);
      }
      hours[n] = h;
      ids[n++] = id;
    }

    void addAll(Leads o) {
      for (int i = 0; i < o.n; i++) {
        add(o.hours[i], o.ids[i]);
      }
    }
  }

  /** A growing list of ints. */
  private static final class Ints {
    int[] a;
    int n;

    Ints() {
      this(256);
    }

    Ints(int capacity) {
      a = new int[Math.max(16, capacity)];
    }

    Ints(int[] reuse) {
      a = reuse;
    }

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }
  }

  /**
   * The largest sizes a part's lists reached so far (an eighth more): a new part starts with room for as many, instead of
   * doubling its lists from small ones, which made about twice the final size in garbage per chunk.
   */
  private static final class Sizes {
    volatile int rowInts;
    volatile int rows;
    volatile int inWindow;
    volatile int leads;

    static int more(int seen, int n) {
      return Math.max(seen, n + n / 8);
    }

    /** Lists of parts nothing reads any more, for the next parts (a few of each). */
    private final java.util.concurrent.ConcurrentLinkedQueue<int[]> spareInts = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.ConcurrentLinkedQueue<long[]> spareLongs = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** An int array of at least {@code n} elements: a spare one if there is one (its old contents stay), else new. */
    int[] ints(int n) {
      int[] a = spareInts.poll();
      return a != null && a.length >= n ? a : new int[Math.max(16, n)];
    }

    /** A long array of at least {@code n} elements, as {@link #ints}. */
    long[] longs(int n) {
      long[] a = spareLongs.poll();
      return a != null && a.length >= n ? a : new long[Math.max(16, n)];
    }

    void spare(int[] a) {
      if (spareInts.size() < 8) {
        spareInts.offer(a);
      }
    }

    void spare(long[] a) {
      if (spareLongs.size() < 8) {
        spareLongs.offer(a);
      }
    }
  }

  /** The interning lane of an id with hash {@code h}: its top bit (slots are found by the low bits). */
  static int lane(int h) {
    return h >>> 31;
  }

  /**
   * The rows of one chunk: {@link #row} sees each data row of the chunk in order (on a worker thread); the caller then
   * takes the part in file order.
   */
  private abstract static class Part {
    /** File positions of the first record read and just after the last one. */
    long start;
    long end;
    /** Why the chunk could not be read, if it could not (only meaningful when it started at a record start). */
    RuntimeException failure;
    /** The bytes the chunk was read into (the ranges of its rows point into them). */
    byte[] bytes;

    abstract void row(Text t, Fields f, int[] index);

    /** Called once after the chunk's last row, on the same thread (a part may leave work for the end of its chunk). */
    void finish(Text t) {}
  }

  /** Deployments of a chunk: the rows before the window end, their ids and shipped change ids as ranges of the chunk's bytes. */
  private static final class DeployPart extends Part {
    private final long start;
    private final long end;
    /** The rows of the window: creation time (seconds, nanoseconds), failure status, and where their ids were interned. */
    long[] inSeconds;
    int[] inNanos;
    final BitSet inFailed = new BitSet();
    int[] places = new int[0];
    int inCount;
    /** The number of the window's deployments in the parts before this one. */
    int base;
    /** Shipped change ids in the part's rows. */
    private int shippedIds;
    /** Per row: deploy id from, to, hash, number of shipped ids, then from, to, hash of each. */
    final Ints rows;
    private long[] times;
    private int count;

    DeployPart(long start, long end, Sizes sizes) {
      this.start = start;
      this.end = end;
      rows = new Ints(sizes.ints(sizes.rowInts));
      times = sizes.longs(sizes.rows);
      inSeconds = new long[Math.max(16, sizes.inWindow)];
      inNanos = new int[inSeconds.length];
    }

    @Override
    void row(Text text, Fields f, int[] index) {
      byte[] b = text.b;
      int t0 = f.start(b, index[1]);
      int t1 = f.end(b, index[1]);
      if (t0 == t1) {
        throw new NotScannable();
      }
      long t = IsoTimes.epochMilli(b, t0, t1);
      if (t < FLOOR || t >= end) {
        return;
      }
      boolean failure = failure(b, f, index[3]);
      int i0 = f.start(b, index[0]);
      int i1 = f.end(b, index[0]);
      if (i0 == i1) {
        throw new NotScannable(); // no id: the record path reports the row
      }
      if (count == times.length) {
        times = Arrays.copyOf(times, count * 2);
      }
      times[count++] = t;
      rows.add(i0);
      rows.add(i1);
      rows.add(Fields.hash(b, i0, i1));
      int countAt = rows.n;
      rows.add(0);
      if (index[2] >= 0) {
        int from = f.start(b, index[2]);
        int to = f.end(b, index[2]);
        int shipped = 0;
        for (int p = from; p <= to; ) {
          int q = p;
          while (q < to && b[q] != ';') {
            q++;
          }
          int s = p;
          int e = q;
          while (s < e && Fields.isWhitespace(b[s])) {
            s++;
          }
          while (e > s && Fields.isWhitespace(b[e - 1])) {
            e--;
          }
          if (s < e) {
            rows.add(s);
            rows.add(e);
            rows.add(Fields.hash(b, s, e));
            shipped++;
            shippedIds++;
          }
          p = q + 1;
        }
        rows.a[countAt] = shipped;
      }
      if (t >= start) {
        if (inCount == inSeconds.length) {
          inSeconds = Arrays.copyOf(inSeconds, inCount * 2);
          inNanos = Arrays.copyOf(inNanos, inCount * 2);
        }
        Instant exact = IsoTimes.instant(b, t0, t1);
        inSeconds[inCount] = exact.getEpochSecond();
        inNanos[inCount] = exact.getNano();
        if (failure) {
          inFailed.set(inCount);
        }
        inCount++;
      }
    }

    int shippedIds() {
      return shippedIds;
    }

    private static boolean failure(byte[] b, Fields f, int i) {
      if (i < 0) {
        return false;
      }
      int from = f.start(b, i);
      int to = f.end(b, i);
      if (from == to || is(b, from, to, "success") || is(b, from, to, "SUCCESS") || is(b, from, to, "Success")) {
        return false;
      }
      if (is(b, from, to, "failure") || is(b, from, to, "FAILURE") || is(b, from, to, "Failure")) {
        return true;
      }
      throw new NotScannable();
    }

    private static boolean is(byte[] b, int from, int to, String word) {
      if (to - from != word.length()) {
        return false;
      }
      for (int i = 0; i < word.length(); i++) {
        if (b[from + i] != word.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    /**
     * Notes the deploy ids (each must be new) and the first deployment time of every shipped change id, in file order,
     * for the ids of one lane ({@link #lane}).
     */
    void intern(IdTable ids, IdTable deployIds, int lane) {
      int[] r = rows.a;
      // The hashes of this lane's shipped ids, in order, to read their slots a group ahead (see touch; a slot array
      // replaced by a rehash meanwhile only wastes those reads).
      Ints mine = new Ints(shippedIds / 2 + shippedIds / 8);
      Ints mineDeploys = new Ints(count / 2 + count / 8); // the same for the lane's deploy ids, in their own table
      for (int row = 0, p = 0; row < count; row++) {
        if (lane(r[p + 2]) == lane) {
          mineDeploys.add(r[p + 2]);
        }
        int shipped = r[p + 3];
        p += 4;
        for (int k = 0; k < shipped; k++, p += 3) {
          if (lane(r[p + 2]) == lane) {
            mine.add(r[p + 2]);
          }
        }
      }
      int[] hs = mine.a;
      int next = 0;
      long touched = 0;
      IdTable[] table = {ids};
      IdTable[] deployTable = {deployIds};
      touched += touch(table, hs, 0, Math.min(mine.n, GROUP), 1);
      int[] ds = mineDeploys.a;
      int nextDeploy = 0;
      touched += touch(deployTable, ds, 0, Math.min(mineDeploys.n, GROUP), 1);
      int p = 0;
      int ordinal = 0; // the window's deployments before this row, in this part
      for (int row = 0; row < count; row++) {
        boolean inWindow = times[row] >= start;
        if (lane(r[p + 2]) == lane) {
          if (nextDeploy % GROUP == 0) {
            touched += touch(deployTable, ds, nextDeploy + GROUP, Math.min(mineDeploys.n, nextDeploy + 2 * GROUP), 1);
          }
          nextDeploy++;
          int place = deployIds.internNew(bytes, r[p], r[p + 1], r[p + 2]);
          if (place < 0) {
            throw new NotScannable(); // a repeated deploy id: the record path reports the row
          }
          if (inWindow) {
            places[ordinal] = place;
            deployIds.setOrdinal(place, base + ordinal);
          }
        }
        if (inWindow) {
          ordinal++;
        }
        int shipped = r[p + 3];
        p += 4;
        long t = times[row];
        for (int k = 0; k < shipped; k++, p += 3) {
          int h = r[p + 2];
          if (lane(h) == lane) {
            if (next % GROUP == 0) {
              touched += touch(table, hs, next + GROUP, Math.min(mine.n, next + 2 * GROUP), 1);
            }
            next++;
            ids.deployedAt(ids.intern(bytes, r[p], r[p + 1], h), t);
          }
        }
      }
      sink = touched;
    }
  }

  /** Changes of a chunk, read against the (finished) table of shipped ids. */
  private static final class ChangePart extends Part {
    private final long start;
    private final long end;
    private final IdTable[] ids;
    private final AtomicLongArray seen;
    final Leads leads;
    /** from, to, hash of each change id in range that no deployment ships (each must be new too). */
    final Ints unshipped = new Ints();
    /** from, to, hash of each change id created before the window end, to be looked up by {@link #finish}. */
    private final Ints found;
    private final Sizes sizes;
    /** The creation time (epoch milliseconds) of each of them. */
    private long[] createdAt;
    private int n;

    ChangePart(long start, long end, IdTable[] ids, AtomicLongArray seen, Sizes sizes) {
      this.start = start;
      this.end = end;
      this.ids = ids;
      this.seen = seen;
      this.sizes = sizes;
      createdAt = sizes.longs(sizes.rows);
      found = new Ints(sizes.ints(3 * sizes.rows));
      leads = new Leads(sizes.leads);
    }

    @Override
    void row(Text text, Fields f, int[] index) {
      byte[] b = text.b;
      int t0 = f.start(b, index[1]);
      int t1 = f.end(b, index[1]);
      int i0 = f.start(b, index[0]);
      int i1 = f.end(b, index[0]);
      if (t0 == t1 || i0 == i1) {
        throw new NotScannable();
      }
      long created = IsoTimes.epochMilli(b, t0, t1);
      if (created < FLOOR || created >= end) {
        return;
      }
      if (n == createdAt.length) {
        createdAt = Arrays.copyOf(createdAt, n * 2);
      }
      createdAt[n++] = created;
      found.add(i0);
      found.add(i1);
      found.add(Fields.hash(b, i0, i1));
    }

    /**
     * Looks the chunk's change ids up in the table of shipped ids, in row order, in groups whose slots are read a group
     * ahead ({@link #touch}).
     */
    @Override
    void finish(Text text) {
      byte[] b = text.b;
      int[] r = found.a;
      long touched = touch(ids, r, 2, 3 * Math.min(n, GROUP), 3);
      for (int k = 0; k < n; k++) {
        if (k % GROUP == 0) {
          touched += touch(ids, r, 3 * (k + GROUP) + 2, 3 * Math.min(n, k + 2 * GROUP), 3);
        }
        int i0 = r[3 * k];
        int i1 = r[3 * k + 1];
        int h = r[3 * k + 2];
        long created = createdAt[k];
        IdTable table = ids[lane(h)];
        int place = table.find(b, i0, i1, h);
        if (place < 0) {
          unshipped.add(i0);
          unshipped.add(i1);
          unshipped.add(h);
          continue;
        }
        long bit = 1L << place;
        int word = place >>> 6;
        long v;
        do {
          v = seen.get(word);
          if ((v & bit) != 0) {
            throw new NotScannable(); // a repeated change id: the record path reports the row
          }
        } while (!seen.compareAndSet(word, v, v | bit));
        long first = table.firstDeploy(place);
        if (first >= start && first < end && first > created) {
          leads.add((first - created) / 3_600_000.0, place);
        }
      }
      sink = touched;
      sizes.spare(createdAt); // nothing reads them after this
      sizes.spare(found.a);
    }

    void take(IdTable table, Leads all) {
      int[] r = unshipped.a;
      for (int p = 0; p < unshipped.n; p += 3) {
        if (!table.addNew(bytes, r[p], r[p + 1], r[p + 2])) {
          throw new NotScannable(); // a repeated change id
        }
      }
      all.addAll(leads);
    }
  }

  /**
   * One file cut into chunks at line ends: the chunks are scanned by the pool (or in turn without one) a few at a time,
   * and taken in file order. A chunk that did not start where the one before it ended (it was cut inside a quoted line
   * break) is scanned again from there.
   */
  private abstract static class Chunks<P extends Part> {
    private final Path file;
    /** The file's size and where its first row starts, once {@link #run} has read the header. */
    private long fileSize;
    private long firstRow;
    private final ExecutorService pool;
    private final int inFlight;
    private final int chunkBytes;
    private final List<String> required;
    private final String[] optional;
    /**
     * Buffers of parts already taken, read into again: a chunk's buffer is about 8 MiB, which the collector allocates
     * apart from the young generation, so a new one per chunk costs collections a reused one does not.
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> spare = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Whether a part's buffer may be read into again once {@link #take} returns (else the subclass calls {@link #recycle}). */
    boolean recycleOnTake = true;

    Chunks(Path file, ExecutorService pool, int threads, int chunkBytes, List<String> required, String... optional) {
      this.file = file;
      this.pool = pool;
      this.inFlight = threads + 1;
      this.chunkBytes = chunkBytes;
      this.required = required;
      this.optional = optional;
    }

    abstract P newPart();

    long fileSize() {
      return fileSize;
    }

    long dataStart() {
      return firstRow;
    }

    /** Takes the rows of {@code p}, the next chunk in file order. */
    abstract void take(P p) throws IOException;

    /** Lets the next chunks read into {@code p}'s buffer: nothing may use its rows any more. */
    void recycle(P p) {
      if (p.bytes != null && spare.size() < 4) {
        spare.offer(p.bytes);
      }
      p.bytes = null;
    }

    void run() throws IOException {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
        long size = ch.size();
        fileSize = size;
        // The header, read here: its field names give the columns, and the data start after it.
        Text head = new Text(ch, size, 0, (int) Math.min(size, 64 * 1024));
        int p = head.len >= 3 && head.b[0] == (byte) 0xEF && head.b[1] == (byte) 0xBB && head.b[2] == (byte) 0xBF ? 3 : 0;
        Fields f = new Fields();
        while (true) {
          if (p >= head.len && !head.more()) {
            return; // no header, no rows
          }
          if (!Fields.isLineEnd(head.b[p])) {
            break;
          }
          p++;
        }
        p = f.record(head, p);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < f.count; i++) {
          if (f.special[i]) {
            throw new NotScannable();
          }
          names.add(new String(head.b, f.from[i], f.to[i] - f.from[i], StandardCharsets.UTF_8).strip().replace("\uFEFF", ""));
        }
        int[] index = new int[required.size() + optional.length];
        for (int i = 0; i < index.length; i++) {
          index[i] = names.lastIndexOf(i < required.size() ? required.get(i) : optional[i - required.size()]);
          if (index[i] < 0 && i < required.size()) {
            throw new NotScannable();
          }
        }
        long dataStart = p;
        firstRow = dataStart;
        long chunks = Math.max(1, (size - dataStart + chunkBytes - 1) / chunkBytes);
        Deque<Future<P>> pending = new ArrayDeque<>();
        long submitted = 0;
        long expected = dataStart;
        for (long k = 0; k < chunks; k++) {
          while (pool != null && submitted < chunks && pending.size() < inFlight) {
            long c = submitted++;
            pending.add(pool.submit(() -> scanChunk(ch, size, index, dataStart, c, chunks)));
          }
          P part = pool != null ? await(pending.poll()) : scanChunk(ch, size, index, dataStart, k, chunks);
          if (part.start != expected) {
            part = scan(ch, size, index, expected, false, limit(dataStart, k, chunks, size)); // cut inside quotes
            if (part.failure != null) {
              throw part.failure;
            }
          } else if (part.failure != null) {
            throw part.failure;
          }
          take(part);
          if (recycleOnTake) {
            recycle(part);
          }
          expected = part.end;
        }
      }
    }

    private long limit(long dataStart, long k, long chunks, long size) {
      return k + 1 == chunks ? size : dataStart + (k + 1) * chunkBytes;
    }

    private P scanChunk(FileChannel ch, long size, int[] index, long dataStart, long k, long chunks) throws IOException {
      return k == 0 ? scan(ch, size, index, dataStart, false, limit(dataStart, k, chunks, size))
          : scan(ch, size, index, dataStart + k * chunkBytes - 1, true, limit(dataStart, k, chunks, size));
    }

    /**
     * The records starting in [{@code from}, {@code limit}); with {@code seek}, from the first line start after
     * {@code from} instead (a guess that is checked when the part is taken).
     */
    private P scan(FileChannel ch, long size, int[] index, long from, boolean seek, long limit) throws IOException {
      P part = newPart();
      int want = (int) Math.min(size - from, limit - from + 64 * 1024);
      Text t = new Text(ch, size, from, Math.max(0, want), spare.poll());
      t.maxLen = (int) Math.min(Integer.MAX_VALUE - 16, limit - from + MAX_OVERRUN);
      int end = (int) (limit - from);
      int p = 0;
      try {
        if (seek) {
          while (true) {
            if (p >= t.len && !t.more()) {
              break;
            }
            if (Fields.isLineEnd(t.b[p++])) {
              break;
            }
          }
        }
        part.start = from + p;
        Fields f = new Fields();
        while (p < end && p < t.len) {
          if (Fields.isLineEnd(t.b[p])) {
            p++; // a blank line (or the LF of a CRLF)
            continue;
          }
          p = f.record(t, p);
          part.row(t, f, index);
        }
        part.finish(t);
        part.end = from + p;
      } catch (NotScannable | IllegalArgumentException e) {
        part.failure = e;
      }
      part.bytes = t.b;
      return part;
    }
  }

  private static <P> P await(Future<P> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IOException(c);
    }
  }

  /** Bytes of a file from {@code base} on, read in as the scanner needs them. */
  static final class Text {
    private final FileChannel ch;
    private final long size;
    private final long base;
    byte[] b;
    int len;
    int maxLen = Integer.MAX_VALUE - 16;

    Text(FileChannel ch, long size, long base, int initial) throws IOException {
      this(ch, size, base, initial, null);
    }

    /** With {@code reuse} as the buffer when it is big enough (its old bytes are overwritten). */
    Text(FileChannel ch, long size, long base, int initial, byte @org.jspecify.annotations.Nullable [] reuse) throws IOException {
      this.ch = ch;
      this.size = size;
      this.base = base;
      this.b = reuse != null && reuse.length >= initial ? reuse : new byte[Math.max(initial, 16)];
      fill(initial);
    }

    /** Reads more of the file; false at its end. */
    boolean more() {
      if (base + len >= size) {
        return false;
      }
      if (len >= maxLen) {
        throw new NotScannable(); // a record longer than any plain file holds
      }
      int add = (int) Math.min(size - base - len, Math.max(64 * 1024, len / 2));
      if (len + add > b.length) {
        b = Arrays.copyOf(b, len + add);
      }
      try {
        fill(add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return true;
    }

    private void fill(int n) throws IOException {
      ByteBuffer buf = ByteBuffer.wrap(b, len, n);
      while (buf.hasRemaining()) {
        int r = ch.read(buf, base + buf.position());
        if (r < 0) {
          break;
        }
      }
      len = buf.position();
    }
  }

  /** The fields of the current record, as ranges of the text's bytes. */
  static final class Fields {
    int[] from = new int[16];
    int[] to = new int[16];
    boolean[] special = new boolean[16];
    int count;
    /** The bytes of the last record OR-ed together: negative when one of them is not ASCII. */
    int bits;

    /** Whether every byte of the last record is ASCII. */
    boolean ascii() {
      return bits >= 0;
    }

    static boolean isLineEnd(byte c) {
      return c == '\n' || c == '\r';
    }

    /** {@link Character#isWhitespace} on ASCII. */
    static boolean isWhitespace(byte c) {
      return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    }

    /** Hash of an ASCII id; other bytes are not scanned. */
    static int hash(byte[] b, int from, int to) {
      int h = 0;
      for (int i = from; i < to; i++) {
        byte c = b[i];
        if (c < 0) {
          throw new NotScannable();
        }
        h = 31 * h + c;
      }
      h *= 0x9E3779B9;
      return h ^ (h >>> 16);
    }

    private void add(int s, int e, boolean odd) {
      if (count == from.length) {
        from = Arrays.copyOf(from, count * 2);
        to = Arrays.copyOf(to, count * 2);
        special = Arrays.copyOf(special, count * 2);
      }
      from[count] = s;
      to[count] = e;
      special[count++] = odd;
    }

    /**
     * Reads the record starting at {@code p} (not a line end) and returns the position after its line end, or the end of
     * the file. A quoted field left open, text after a closing quote or a quote inside an unquoted field is not plain.
     */
    int record(Text t, int p) {
      count = 0;
      bits = 0;
      while (true) {
        if (p < t.len || t.more()) {
          if (t.b[p] == '"') {
            int s = ++p;
            boolean odd = false;
            while (true) {
              if (p >= t.len && !t.more()) {
                throw new NotScannable(); // a quoted field left open
              }
              byte c = t.b[p];
              bits |= c;
              if (c == '"') {
                if (p + 1 >= t.len && !t.more() || t.b[p + 1] != '"') {
                  break;
                }
                odd = true; // a doubled quote
                p += 2;
                continue;
              }
              if (c == '\n' || c == '\r') {
                odd = true;
              }
              p++;
            }
            add(s, p, odd);
            p++; // the closing quote
            if (p >= t.len && !t.more()) {
              return p;
            }
            byte c = t.b[p];
            if (c == ',') {
              p++;
              continue;
            }
            if (isLineEnd(c)) {
              return p + 1;
            }
            throw new NotScannable(); // text after a closing quote
          }
        }
        int s = p;
        byte[] b = t.b;
        int len = t.len;
        int or = 0; // the field's bytes OR-ed together, kept in a local (not the field) byte by byte
        while (true) {
          if (p >= len) {
            if (!t.more()) {
              bits |= or;
              add(s, p, false);
              return p;
            }
            b = t.b;
            len = t.len;
          }
          byte c = b[p];
          or |= c;
          if (c > ',') {
            p++; // every byte that ends a field or quotes one (',', '"', CR, LF) is ',' or below
            continue;
          }
          if (c == ',') {
            bits |= or;
            add(s, p, false);
            p++;
            break;
          }
          if (c == '\n' || c == '\r') {
            bits |= or;
            add(s, p, false);
            return p + 1;
          }
          if (c == '"') {
            throw new NotScannable(); // a quote inside an unquoted field
          }
          p++;
        }
      }
    }

    /** Start of field {@code i} without leading white space (its end when blank, 0 when absent); not plain if odd. */
    int start(byte[] b, int i) {
      if (i >= count || i < 0) {
        return 0;
      }
      if (special[i]) {
        throw new NotScannable();
      }
      int p = from[i];
      int e = to[i];
      while (p < e && isWhitespace(b[p])) {
        p++;
      }
      return p;
    }

    /** End of field {@code i} without trailing white space. */
    int end(byte[] b, int i) {
      return i >= count || i < 0 ? 0 : end(b, i, start(b, i));
    }

    /** End of field {@code i} without trailing white space, given its {@link #start} {@code s}. */
    int end(byte[] b, int i, int s) {
      if (i >= count || i < 0) {
        return 0;
      }
      int e = to[i];
      while (e > s && isWhitespace(b[e - 1])) {
        e--;
      }
      return e;
    }
  }

  /**
   * Ids interned by open addressing over an arena of pages. Each id is a record in a page — a header (for change ids the
   * time of its first deployment, 48 bits, and the text's length, 16 bits; for deploy ids the length and the id's index
   * among the window's deployments, or -1) then its ASCII text — found by its place, an int that also tells the table's
   * lane. A slot holds the id's hash and place together
   * ({@code hash << 32 | place + 1}; 0 is free), so a look-up reads one slot and one record, whose first-deployment time
   * sits beside the text it compares. Pages of 256 KiB never move, so a growing table copies only its slots.
   */
  static final class IdTable {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int PAGE_BITS = 18;
    private static final int PAGE = 1 << PAGE_BITS;
    /** The low 48 bits of a change id's header: its first deployment (epoch milliseconds), all ones for none yet. */
    private static final long TIME = (1L << 48) - 1;
    /** Bytes before each id's text: change ids its length and first deployment, deploy ids its length and window index. */
    private static final int HEADER = 8;
    private final boolean withTimes;
    private final int lane;
    private byte[][] pages = new byte[8][];
    private int pageCount;
    private int used = PAGE; // bytes used of the last page; a full one at the start, so the first id opens a page
    int size;
    private long[] slots = new long[1 << 11];

    /**
     * @param withTimes whether each id carries a first deployment time (change ids)
     * @param lane 0 or 1: the places of the two lanes' tables never coincide (lane 1's pages have odd numbers)
     */
    IdTable(boolean withTimes, int lane) {
      this.withTimes = withTimes;
      this.lane = lane;
    }

    /** The lane of the table holding {@code place}. */
    static int laneOf(int place) {
      return (place >>> PAGE_BITS) & 1;
    }

    /** The slot array (for look-ahead reads only; a rehash replaces it). */
    long[] slots() {
      return slots;
    }

    /** An upper bound of the places given so far (bits for a bit set over places). */
    long placeLimit() {
      return (long) (2 * pageCount + 1) << PAGE_BITS;
    }

    /** The place of the id in {@code b[from, to)} (whose {@link Fields#hash} is {@code h}), or -1. */
    int find(byte[] b, int from, int to, int h) {
      long[] s = slots;
      int mask = s.length - 1;
      for (int i = h & mask; ; i = (i + 1) & mask) {
        long slot = s[i];
        if (slot == 0) {
          return -1;
        }
        if ((int) (slot >>> 32) == h && same((int) slot - 1, b, from, to)) {
          return (int) slot - 1;
        }
      }
    }

    /** Interns the id in {@code b[from, to)}; false when it was there already. */
    boolean addNew(byte[] b, int from, int to, int h) {
      return internNew(b, from, to, h) >= 0;
    }

    /** Interns the id in {@code b[from, to)} and gives its place; -1 when it was there already. */
    int internNew(byte[] b, int from, int to, int h) {
      int before = size;
      int place = intern(b, from, to, h);
      return size > before ? place : -1;
    }

    /** Notes the index among the window's deployments of the deploy id at {@code place} (deploy id tables only). */
    void setOrdinal(int place, int ordinal) {
      INT.set(page(place), offset(place) + 4, ordinal);
    }

    /** The index among the window's deployments of the deploy id at {@code place}, or -1 (deploy id tables only). */
    int ordinal(int place) {
      return (int) INT.get(page(place), offset(place) + 4);
    }

    /** The place of the id in {@code b[from, to)}, added (with no first deployment yet) when it is new. */
    int intern(byte[] b, int from, int to, int h) {
      long[] s = slots;
      int mask = s.length - 1;
      int i = h & mask;
      for (long slot; (slot = s[i]) != 0; i = (i + 1) & mask) {
        if ((int) (slot >>> 32) == h && same((int) slot - 1, b, from, to)) {
          return (int) slot - 1;
        }
      }
      int len = to - from;
      if (HEADER + len > PAGE) {
        throw new NotScannable(); // an id longer than any plain file holds
      }
      if (used + HEADER + len > PAGE) {
        if (pageCount == 4096) {
          throw new NotScannable(); // more id text than the places can number: the record path reads the files
        }
        if (pageCount == pages.length) {
          pages = Arrays.copyOf(pages, pageCount * 2);
        }
        pages[pageCount++] = new byte[PAGE];
        used = 0;
      }
      byte[] page = pages[pageCount - 1];
      int place = ((pageCount - 1) << 1 | lane) << PAGE_BITS | used;
      if (withTimes) {
        LONG.set(page, used, (long) len << 48 | TIME);
      } else {
        INT.set(page, used, len);
        INT.set(page, used + 4, -1); // not (yet) a deployment of the window
      }
      System.arraycopy(b, from, page, used + HEADER, len);
      used += HEADER + len;
      size++;
      s[i] = (long) h << 32 | (place + 1);
      if (size > s.length / 4 * 3) {
        rehash();
      }
      return place;
    }

    private byte[] page(int place) {
      return pages[place >>> (PAGE_BITS + 1)];
    }

    private static int offset(int place) {
      return place & (PAGE - 1);
    }

    /** The first deployment time noted for the change id at {@code place} (Long.MAX_VALUE: none yet). */
    long firstDeploy(int place) {
      long t = (long) LONG.get(page(place), offset(place)) & TIME;
      return t == TIME ? Long.MAX_VALUE : t;
    }

    /** Notes {@code t} (at least 0, below 2^48 - 1) as the change id's first deployment when it is earlier than the one noted. */
    void deployedAt(int place, long t) {
      byte[] page = page(place);
      int o = offset(place);
      long v = (long) LONG.get(page, o);
      if (t < (v & TIME)) {
        LONG.set(page, o, (v & ~TIME) | t);
      }
    }

    private int length(byte[] page, int o) {
      return withTimes ? (int) ((long) LONG.get(page, o) >>> 48) : (int) INT.get(page, o);
    }

    private void rehash() {
      rehash(slots.length * 2);
    }

    /**
     * Makes room for {@code expected} ids without growing again (at most three slots in four used), when the table is
     * smaller: growing by doubling moves every slot of each smaller table once more, in random order.
     */
    void reserve(long expected) {
      long want = Long.highestOneBit(Math.max(1, expected * 4 / 3)) << 1;
      if (want > slots.length && want <= 1 << 30) {
        rehash((int) want);
      }
    }

    private void rehash(int length) {
      long[] old = slots;
      long[] bigger = new long[length];
      int mask = bigger.length - 1;
      for (long slot : old) {
        if (slot != 0) {
          int j = (int) (slot >>> 32) & mask;
          while (bigger[j] != 0) {
            j = (j + 1) & mask;
          }
          bigger[j] = slot;
        }
      }
      slots = bigger;
    }

    private boolean same(int place, byte[] b, int from, int to) {
      byte[] page = page(place);
      int o = offset(place);
      int len = length(page, o);
      return len == to - from && Arrays.equals(page, o + HEADER, o + HEADER + len, b, from, to);
    }

    /** The text of the id at {@code place}. */
    String name(int place) {
      byte[] page = page(place);
      int o = offset(place);
      return new String(page, o + HEADER, length(page, o), StandardCharsets.ISO_8859_1);
    }
  }
}
