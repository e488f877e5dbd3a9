package dev.o365connector.simulator.delta;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How a delta function's links look: its absolute URL and the names of its token parameters ({@code
 * $skiptoken}/{@code $deltatoken} for directory and Outlook, {@code token} for drives).
 */
public record DeltaLinks(String functionUrl, String skipParameter, String deltaParameter) {

  public static DeltaLinks odata(String functionUrl) {
    return new DeltaLinks(functionUrl, "$skiptoken", "$deltatoken");
  }

  String next(String token) {
    return functionUrl
        + "?"
        + skipParameter
        + "="
        + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  String delta(String token) {
    return functionUrl
        + "?"
        + deltaParameter
        + "="
        + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }
}
