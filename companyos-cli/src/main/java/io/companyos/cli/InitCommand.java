package io.companyos.cli;

import io.companyos.model.base.OutputFiles;
import io.companyos.model.config.CompanyFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code companyos init [DIR]}: writes a starter company folder, the seed's definitions as editable
 * YAML and a commented {@code sources.yaml}, which validates and renders as is. Existing files are
 * kept unless {@code --force}; nothing is written when any would be replaced.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = {"Writes a starter company folder (default ./companyos/) to edit.",
        "It holds every built-in pack, the rhythm, roles, RACI, health checks, dashboards and KPIs as editable YAML, "
        + "a commented sources.yaml reading the sample company, and directory.csv, the people (email,name,roles) "
        + "that role recipients resolve to.",
        "Every other command uses ./companyos/ when it exists (or the folder given with --config)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the folder was written", "1:files exist (nothing written; use --force)", "2:usage error"})
final class InitCommand implements Callable<Integer> {
  /** The code of "files exist". */
  static final String FILES_EXIST = "COS-CLI-001";

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "DIR", arity = "0..1", description = "The folder to write. Default: companyos.")
  Path dir = Path.of(CompanyFolder.DEFAULT_DIRECTORY);

  @Option(names = "--force", description = "Replace files that exist.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    SortedMap<String, String> files = CompanyFolder.starterFiles();
    files.put(CompanyFolder.DIRECTORY_FILE, io.companyos.delivery.Directory.sampleText());
    PrintWriter err = spec.commandLine().getErr();
    List<Path> existing = new ArrayList<>();
    for (String name : files.keySet()) {
      Path target = dir.resolve(name);
      if (Files.exists(target)) {
        existing.add(target);
      }
    }
    if (!existing.isEmpty() && !force) {
      err.println(existing.get(0) + ": " + FILES_EXIST + " exists" + (existing.size() > 1 ? " (and " + (existing.size() - 1)
          + " more of the " + files.size() + " starter files)" : "") + "; nothing was written (use --force to replace)");
      err.flush();
      return Main.EXIT_PROBLEMS;
    }
    for (Map.Entry<String, String> e : files.entrySet()) {
      OutputFiles.replace(dir.resolve(e.getKey()), e.getValue());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("wrote " + files.size() + " files into " + dir + "/");
    out.println("next: edit " + dir.resolve("meeting-packs") + "/*.yaml and " + dir.resolve("sources.yaml") + ", then");
    String config = dir.equals(Path.of(CompanyFolder.DEFAULT_DIRECTORY)) ? "" : " --config " + dir;
    out.println("  companyos validate " + dir);
    out.println("  companyos render --all" + config + " --out packs");
    out.flush();
    return 0;
  }
}
