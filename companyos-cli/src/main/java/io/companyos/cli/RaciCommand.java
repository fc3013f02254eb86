package io.companyos.cli;

import io.companyos.model.CompanyDefinition;
import io.companyos.site.RaciPage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code companyos raci}: the responsibilities matrix with its checks, as Markdown or HTML on stdout. */
@Command(name = "raci", mixinStandardHelpOptions = true,
    description = "Prints the RACI matrix and its checks (every activity has someone responsible, a meeting the "
        + "rhythm has and an owner who is R or A; every meeting has a row).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no errors (warnings may be listed)", "1:the matrix has errors", "2:usage error"})
final class RaciCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @picocli.CommandLine.Mixin
  DefinitionOptions definitions = new DefinitionOptions();

  @Option(names = "--format", paramLabel = "md|html", defaultValue = "md", description = "Default: ${DEFAULT-VALUE}.")
  String format = "md";

  @Override
  public Integer call() {
    CompanyDefinition company = definitions.company();
    String text = switch (format) {
      case "md" -> RaciPage.markdown(company);
      case "html" -> RaciPage.html(company);
      default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format must be md or html");
    };
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return RaciPage.check(company).stream().anyMatch(c -> c.level() == RaciPage.Level.ERROR) ? Main.EXIT_PROBLEMS : 0;
  }
}
