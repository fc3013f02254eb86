package io.companyos.server;

import io.companyos.model.org.Dashboard;
import io.companyos.model.pack.PackDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The server's pages. Who may open what is decided before a request gets here, by Spring Security
 * ({@link DashboardSecurity}); this class only finds and builds the page, answering 404 for what does not exist.
 */
@RestController
public class DashboardController {
  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
  private static final MediaType SVG = new MediaType("image", "svg+xml", StandardCharsets.UTF_8);

  private final DashboardContent content;
  private final DashboardAccess access;
  private final AuditLog audit;
  private final Clock clock = Clock.systemUTC();

  public DashboardController(DashboardContent content, DashboardAccess access, AuditLog audit) {
    this.content = content;
    this.access = access;
    this.audit = audit;
  }

  @GetMapping({"/", "/index.html"})
  public ResponseEntity<String> index(Authentication auth) {
    return html(content.indexPage(DashboardAccess.roles(auth), extra(auth)));
  }

  @GetMapping({"/dashboards/{id}", "/dashboards/{id}/", "/dashboards/{id}/index.html"})
  public ResponseEntity<String> dashboard(@PathVariable String id, Authentication auth) {
    Optional<Dashboard> d = access.dashboard(id);
    if (d.isEmpty()) {
      return notFound();
    }
    String page = content.dashboardPage(d.get(), DashboardAccess.roles(auth), extra(auth));
    audit.dashboardView(clock.instant(), auth.getName(), id);
    audit.access(clock.instant(), auth.getName(), d.get().url(), true);
    return html(page);
  }

  @GetMapping("/dashboards/{id}/{pack}/{file}")
  public ResponseEntity<String> packPage(@PathVariable String id, @PathVariable String pack, @PathVariable String file,
      Authentication auth) {
    Optional<Dashboard> d = access.dashboard(id);
    if (d.isEmpty() || !file.endsWith(".html")) {
      return notFound();
    }
    String stem = file.substring(0, file.length() - ".html".length());
    Optional<String> page = content.packPage(d.get(), DashboardAccess.roles(auth), pack, stem);
    if (page.isEmpty()) {
      return notFound();
    }
    audit.access(clock.instant(), auth.getName(), d.get().url() + "/" + pack + "/" + file, true);
    return html(page.get());
  }

  @GetMapping("/packs")
  public ResponseEntity<String> archive(Authentication auth) {
    List<String> roles = DashboardAccess.roles(auth);
    List<PackDefinition> readable = access.readablePacks(roles);
    return html(content.archivePage(readable, access.seesEverything(roles), extra(auth)));
  }

  @GetMapping("/packs/{pack}/{file}")
  public ResponseEntity<byte[]> export(@PathVariable String pack, @PathVariable String file, Authentication auth) {
    Optional<PackDefinition> p = access.pack(pack);
    if (p.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    List<String> roles = DashboardAccess.roles(auth);
    Optional<DashboardContent.Download> download = content.download(p.get(), file, roles, access.seesEverything(roles));
    if (download.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    audit.access(clock.instant(), auth.getName(), "/packs/" + pack + "/" + file, true);
    DashboardContent.Download x = download.get();
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(x.mediaType()))
        .header("Content-Disposition", ContentDisposition.attachment().filename(x.fileName()).build().toString())
        .body(x.bytes());
  }

  @GetMapping("/badge.svg")
  public ResponseEntity<String> badge(WebRequest request) {
    String svg = content.badge();
    String etag = "\"" + HexFormat.of().formatHex(sha256(svg), 0, 12) + "\"";
    CacheControl cache = CacheControl.maxAge(Duration.ofSeconds(60)).mustRevalidate();
    if (request.checkNotModified(etag)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
    }
    return ResponseEntity.ok().contentType(SVG).eTag(etag).cacheControl(cache).body(svg);
  }

  @GetMapping("/rhythm.html")
  public ResponseEntity<String> rhythm(Authentication auth) {
    return html(content.rhythmPage(extra(auth)));
  }

  @GetMapping("/raci.html")
  public ResponseEntity<String> raci(Authentication auth) {
    return html(content.raciPage(extra(auth)));
  }

  @GetMapping("/kpis.html")
  public ResponseEntity<String> kpis(Authentication auth) {
    return html(content.kpisPage(extra(auth)));
  }

  private static Map<String, Object> extra(Authentication auth) {
    return Map.of("signedIn", auth.getName());
  }

  private static ResponseEntity<String> html(String page) {
    return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noStore().cachePrivate()).body(page);
  }

  private static ResponseEntity<String> notFound() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML)
        .body("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>"
            + "<body><h1>Not found</h1><p><a href=\"/\">Dashboards</a></p></body></html>");
  }

  private static byte[] sha256(String s) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
