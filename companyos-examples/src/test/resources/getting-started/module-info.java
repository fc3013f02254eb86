module com.example.dailydeploys {
  requires io.companyos.sources;

  provides io.companyos.sources.MetricSourceProvider
      with io.companyos.examples.start.plugin.DailyDeploySourceProvider;
}
