package dev.o365connector.deploy;

/**
 * The three renders most tests look at, each made once per test JVM: values.yaml alone, the
 * production-like values and the simulator demo values.
 */
final class ChartRenders {

  static final String PRODUCTION_VALUES = "ci/production-values.yaml";
  static final String SIMULATOR_VALUES = "ci/simulator-values.yaml";

  private ChartRenders() {}

  static RenderedChart defaults() {
    return Defaults.CHART;
  }

  static RenderedChart production() {
    return Production.CHART;
  }

  static RenderedChart simulator() {
    return Simulator.CHART;
  }

  /** A render with the values it was made from. */
  record Render(String name, RenderedChart chart, ChartValues values) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** All three, for tests that must hold whatever the values. */
  static java.util.List<Render> all() {
    return java.util.List.of(
        new Render("values.yaml", defaults(), ChartValues.defaults()),
        new Render(PRODUCTION_VALUES, production(), ChartValues.with(PRODUCTION_VALUES)),
        new Render(SIMULATOR_VALUES, simulator(), ChartValues.with(SIMULATOR_VALUES)));
  }

  // Holders: each render happens on first use only.
  private static final class Defaults {
    static final RenderedChart CHART = RenderedChart.withDefaults();
  }

  private static final class Production {
    static final RenderedChart CHART = RenderedChart.withValuesFile(PRODUCTION_VALUES);
  }

  private static final class Simulator {
    static final RenderedChart CHART = RenderedChart.withValuesFile(SIMULATOR_VALUES);
  }
}
