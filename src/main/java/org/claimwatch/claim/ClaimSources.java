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

  /** Ids of the sources claims cite (null: a claim citing none), inserting URLs not yet stored. */
  Map<String, Long> ids(List<SourceData> cited, Instant now) {
    Map<String, SourceData> byHash = new LinkedHashMap<>();
    for (SourceData s : cited) {
      if (s != null) {
        byHash.putIfAbsent(Hashing.sha256Hex(s.url()), s);
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
