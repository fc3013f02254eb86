package io.companyos.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest so that {@code --version} matches the build. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = CompanyOsCommand.class.getPackage().getImplementationVersion();
    return new String[] {"companyos " + (v != null ? v : "development build")};
  }
}
