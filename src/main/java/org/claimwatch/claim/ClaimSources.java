package org.claimwatch.claim;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimwatch.claim.ClaimData.SourceData;
import org.claimwatch.system.Hashing;

/** The sources claims cite: one row per URL, shared by every claim citing it. */
@Singleton
class ClaimSources {
  private final SourceRepository sources;

  ClaimSources(SourceRepository sources) {
    this.sources = sources;
  }

  /** Ids of the sources these claims cite, inserting the URLs not yet stored. */
  Map<String, Long> ids(List<ClaimData> data, Instant now) {
    Map<String, SourceData> byHash = new LinkedHashMap<>();
    for (ClaimData d : data) {
      if (d.source() != null) {
        byHash.putIfAbsent(Hashing.sha256Hex(d.source().url()), d.source());
      }
    }
    Map<String, Long> ids = new HashMap<>();
    if (byHash.isEmpty()) {
      return ids;
    }
    for (Source s : sources.findByUrlHashIn(byHash.keySet())) {
      ids.put(s.url(), s.id());
      byHash.remove(s.urlHash());
    }
    for (Map.Entry<String, SourceData> e : byHash.entrySet()) {
      SourceData s = e.getValue();
      Source saved =
          sources.save(
              new Source(
                  null, s.url(), e.getKey(), s.title(), s.publisher(), s.publishedAt(), now));
      ids.put(saved.url(), saved.id());
    }
    return ids;
  }

  /** What the claim cites, or null. */
  SourceData of(Long sourceId) {
    return sourceId == null
        ? null
        : sources
            .findById(sourceId)
            .map(s -> new SourceData(s.url(), s.title(), s.publisher(), s.publishedAt()))
            .orElse(null);
  }

  /** The cited URL described anew (its title, publisher or date). */
  void update(long id, String title, String publisher, Instant publishedAt) {
    sources.update(id, title, publisher, publishedAt);
  }
}
