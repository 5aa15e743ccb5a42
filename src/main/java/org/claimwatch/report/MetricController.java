package org.claimwatch.report;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import org.claimwatch.auth.Actor;
import org.claimwatch.auth.Role;
import org.claimwatch.report.MetricMap.MetricConcepts;
import org.claimwatch.report.MetricMap.MetricsBody;

@Controller("/api/v1/metrics")
@Secured(Role.R_VIEWER)
class MetricController {
  private final ReportService service;

  MetricController(ReportService service) {
    this.service = service;
  }

  /** Which filing concepts stand for which claim metric. */
  @Get
  List<MetricConcepts> list() {
    return service.metricMap();
  }

  /** Replaces the whole map; figures are recomputed and claims re-checked where it matters. */
  @Put
  @Secured(Role.R_EDITOR)
  List<MetricConcepts> replace(@Body MetricsBody body, Authentication caller) {
    return service.replaceMetricMap(body, Actor.of(caller));
  }
}
