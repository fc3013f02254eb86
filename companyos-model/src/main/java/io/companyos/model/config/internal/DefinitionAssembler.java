package io.companyos.model.config.internal;

import io.companyos.model.CompanyDefinition;
import io.companyos.model.check.HealthChecks;
import io.companyos.model.config.ConfigProblem;
import io.companyos.model.config.DefinitionKind;
import io.companyos.model.config.ProblemCode;
import io.companyos.model.org.Dashboard;
import io.companyos.model.health.HealthModelWeights;
import io.companyos.model.org.RaciMatrix;
import io.companyos.model.org.RhythmKpi;
import io.companyos.model.org.Roles;
import io.companyos.model.pack.PackDefinition;
import io.companyos.model.recommend.RecommendationRules;
import io.companyos.model.rhythm.Meeting;
import io.companyos.model.rhythm.Rhythm;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Puts parsed files together into one {@link CompanyDefinition}: a company's files replace the
 * built-in file of the same kind (packs replace or add by id), then every role, meeting and
 * dashboard-url reference of the files in use is checked against the roles, rhythm and dashboards
 * in use.
 */
public final class DefinitionAssembler {
  /** The outcome: the definition when there were no problems, and all problems otherwise. */
  /**
   * What assembling gave: the definition (null when there are problems), the problems, and the SLO names the health
   * checks mention, which are checked once the SLO specs are read (they live outside the definition files).
   */
  public record Result(@Nullable CompanyDefinition definition, List<ConfigProblem> problems, List<Reference> sloReferences) {
    public Result(@Nullable CompanyDefinition definition, List<ConfigProblem> problems) {
      this(definition, problems, List.of());
    }
  }

  private final Map<DefinitionKind, ParsedFile> singles = new EnumMap<>(DefinitionKind.class);
  private final Map<String, ParsedFile> packs = new TreeMap<>();
  private final List<ConfigProblem> problems = new ArrayList<>();

  /** The built-in health model, whose dimension and KPI ids a company's model may use. */
  private @Nullable HealthModelWeights builtinHealthModel;

  /** The built-in recommendation rules, which a company's rules are laid over by id. */
  private @Nullable ParsedFile builtinRecommendations;

  /** Adds the built-in files; they may be replaced by {@link #override}. */
  public DefinitionAssembler base(List<ParsedFile> files) {
    for (ParsedFile f : files) {
      put(f);
      if (f.kind() == DefinitionKind.HEALTH_MODEL && f.value() instanceof HealthModelWeights w) {
        builtinHealthModel = w;
      }
      if (f.kind() == DefinitionKind.RECOMMENDATIONS) {
        builtinRecommendations = f;
      }
    }
    return this;
  }

  /** Adds a company's files: they replace built-in ones, and must not clash with each other. */
  public DefinitionAssembler override(List<ParsedFile> files) {
    Map<String, ParsedFile> seen = new TreeMap<>();
    for (ParsedFile f : files) {
      problems.addAll(f.problems());
      if (f.kind() == null) {
        continue;
      }
      String slot = f.kind() == DefinitionKind.PACK ? "pack " + f.stem() : f.kind().name();
      ParsedFile earlier = seen.putIfAbsent(slot, f);
      if (earlier != null) {
        problems.add(new ConfigProblem(ProblemCode.DUPLICATE_ID, f.name(), 0, 0,
            "defines the same " + (f.kind() == DefinitionKind.PACK ? "pack '" + f.stem() + "'" : "kind of file")
                + " as " + earlier.name(), "keep one of the two files"));
        continue;
      }
      put(f);
    }
    return this;
  }

  private void put(ParsedFile f) {
    if (f.kind() == DefinitionKind.PACK) {
      packs.put(f.stem(), f);
    } else if (f.kind() != null) {
      singles.put(f.kind(), f);
    }
  }

  /** Checks references across the files in use and builds the definition when everything is valid. */
  public Result assemble() {
    List<ParsedFile> inUse = new ArrayList<>(singles.values());
    inUse.addAll(packs.values());
    for (ParsedFile f : inUse) {
      for (ConfigProblem p : f.problems()) {
        if (!problems.contains(p)) {
          problems.add(p);
        }
      }
    }
    Roles roles = value(DefinitionKind.ROLES, Roles.class);
    Rhythm rhythm = value(DefinitionKind.RHYTHM, Rhythm.class);
    for (DefinitionKind k : List.of(DefinitionKind.ROLES, DefinitionKind.RHYTHM, DefinitionKind.HEALTH_CHECKS,
        DefinitionKind.RACI, DefinitionKind.DASHBOARDS, DefinitionKind.KPIS, DefinitionKind.HEALTH_MODEL)) {
      if (!singles.containsKey(k)) {
        problems.add(new ConfigProblem(ProblemCode.MISSING_KEY, k.fileName().orElseThrow(), 0, 0,
            "no " + k.fileName().orElseThrow() + " was given", "add the file or start from the built-in one"));
      }
    }
    @SuppressWarnings("unchecked")
    List<Dashboard> dashboardList = (List<Dashboard>) value(DefinitionKind.DASHBOARDS, List.class);
    RaciMatrix raci = value(DefinitionKind.RACI, RaciMatrix.class);
    for (ParsedFile f : inUse) {
      // The built-in rules name the built-in RACI activities; a company that replaced raci.yaml keeps them working,
      // each rule's owner then falling back as docs/recommendations.md says, so only a company's own rules are checked.
      if (f != builtinRecommendations) {
        checkReferences(f, roles, rhythm, dashboardList, raci);
      }
    }
    if (!problems.isEmpty() || roles == null || rhythm == null) {
      return new Result(null, List.copyOf(problems));
    }
    List<PackDefinition> packList = packs.values().stream().map(f -> inMeetingZone(f, rhythm)).toList();
    @SuppressWarnings("unchecked")
    List<Dashboard> dashboards = (List<Dashboard>) singles.get(DefinitionKind.DASHBOARDS).value();
    @SuppressWarnings("unchecked")
    List<RhythmKpi> kpis = (List<RhythmKpi>) singles.get(DefinitionKind.KPIS).value();
    CompanyDefinition def = new CompanyDefinition(roles, rhythm, packList,
        value(DefinitionKind.HEALTH_CHECKS, HealthChecks.class), value(DefinitionKind.RACI, RaciMatrix.class),
        dashboards, kpis, value(DefinitionKind.HEALTH_MODEL, HealthModelWeights.class), io.companyos.model.slo.specs.SloSpecs.NONE,
        recommendationRules());
    List<Reference> sloReferences = inUse.stream().flatMap(f -> f.context().references().stream())
        .filter(r -> r.kind() == Reference.Kind.SLO).toList();
    return new Result(def, List.of(), sloReferences);
  }

  private void checkReferences(ParsedFile f, @Nullable Roles roles, @Nullable Rhythm rhythm,
      @Nullable List<Dashboard> dashboards, @Nullable RaciMatrix raci) {
    List<String> activities = raci == null ? null : raci.activities().stream().map(io.companyos.model.org.RaciActivity::activity).toList();
    Set<String> meetingIds = rhythm == null ? null
        : rhythm.meetings().stream().map(Meeting::id).collect(Collectors.toSet());
    List<String> urls = dashboards == null ? null : dashboards.stream().map(Dashboard::url).toList();
    for (Reference r : f.context().references()) {
      if ((r.kind() == Reference.Kind.HEALTH_DIMENSION || r.kind() == Reference.Kind.HEALTH_KPI) && builtinHealthModel != null) {
        Set<String> known = r.kind() == Reference.Kind.HEALTH_DIMENSION
            ? builtinHealthModel.dimensions().stream().map(HealthModelWeights.DimensionWeights::id).collect(Collectors.toCollection(java.util.TreeSet::new))
            : builtinHealthModel.dimensions().stream().flatMap(d -> d.kpis().keySet().stream()).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!known.contains(r.id())) {
          problems.add(new ConfigProblem(ProblemCode.INVALID_VALUE, r.file(), r.mark().line(), r.mark().column(),
              "unknown " + (r.kind() == Reference.Kind.HEALTH_DIMENSION ? "dimension" : "KPI") + " '" + r.id() + "' in "
                  + r.context(), Suggestions.hint(r.id(), known)));
        }
      }
      if (r.kind() == Reference.Kind.ROLE && roles != null && !roles.contains(r.id())) {
        problems.add(new ConfigProblem(ProblemCode.UNKNOWN_ROLE, r.file(), r.mark().line(), r.mark().column(),
            "unknown role '" + r.id() + "' in " + r.context(), roleHint(r.id(), roles)));
      }
      if (r.kind() == Reference.Kind.MEETING && meetingIds != null && !meetingIds.contains(r.id())) {
        problems.add(new ConfigProblem(ProblemCode.UNKNOWN_MEETING, r.file(), r.mark().line(), r.mark().column(),
            "unknown meeting '" + r.id() + "' in " + r.context(), Suggestions.hint(r.id(), meetingIds)));
      }
      if (r.kind() == Reference.Kind.RACI_ACTIVITY && activities != null && !activities.contains(r.id())) {
        problems.add(new ConfigProblem(ProblemCode.UNKNOWN_ACTIVITY, r.file(), r.mark().line(), r.mark().column(),
            "no RACI activity '" + r.id() + "' (" + r.context() + ")", Suggestions.hint(r.id(), activities)));
      }
      if (r.kind() == Reference.Kind.DASHBOARD_URL && urls != null
          && urls.stream().noneMatch(u -> withoutTrailingSlash(u).equals(withoutTrailingSlash(r.id())))) {
        problems.add(new ConfigProblem(ProblemCode.UNKNOWN_DASHBOARD, r.file(), r.mark().line(), r.mark().column(),
            "no dashboard has the url '" + r.id() + "' (" + r.context() + ")", dashboardHint(r.id(), urls)));
      }
    }
  }

  /**
   * A pack file without its own {@code timezone} that prepares a meeting reads its cron in that
   * meeting's zone, so "0 7 * * 1-5" for a New York standup means 07:00 in New York all year.
   */
  private static PackDefinition inMeetingZone(ParsedFile f, Rhythm rhythm) {
    PackDefinition p = (PackDefinition) f.value();
    YamlNode.Mapping origin = f.context().origin(p);
    if (p.meeting() == null || origin == null || origin.entry("timezone") != null) {
      return p;
    }
    ZoneId zone = rhythm.meeting(p.meeting()).map(Meeting::zone).orElse(p.timezone());
    return zone.equals(p.timezone()) ? p : new PackDefinition(p.id(), p.name(), p.schedule(), zone, p.meeting(),
        p.leadTime(), p.recipients(), p.sections(), p.delivery());
  }

  private static String dashboardHint(String url, List<String> urls) {
    return Suggestions.closest(url, urls).map(c -> "did you mean '" + c + "'?")
        .orElse("add a dashboard with this url to dashboards.yaml"
            + (urls.isEmpty() || urls.size() > 16 ? "" : ", or use one of: " + String.join(", ", urls)));
  }

  private static String withoutTrailingSlash(String url) {
    return url.replaceAll("/+$", "");
  }

  private static @Nullable String roleHint(String id, Roles roles) {
    return Suggestions.closest(id, roles.ids()).map(c -> "did you mean '" + c + "'?")
        .orElse("define it in roles.yaml");
  }

  /** The built-in rules with a company's rules laid over them by id ({@link RecommendationRules#overlaid}). */
  private RecommendationRules recommendationRules() {
    RecommendationRules builtin = builtinRecommendations != null && builtinRecommendations.value() instanceof RecommendationRules b
        ? b : RecommendationRules.NONE;
    RecommendationRules inUse = value(DefinitionKind.RECOMMENDATIONS, RecommendationRules.class);
    return inUse == null || inUse == builtin ? builtin : builtin.overlaid(inUse);
  }

  private <T> @Nullable T value(DefinitionKind kind, Class<T> type) {
    ParsedFile f = singles.get(kind);
    return f == null || f.value() == null ? null : type.cast(f.value());
  }
}
