package dev.cairn.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MigrationsTest {
  @Test
  void version_isTheNumberAfterV() {
    assertEquals(5, Migrations.version("V5__streams.sql"));
    assertEquals(12, Migrations.version("V12__later.sql"));
  }

  @Test
  void files_haveDistinctVersions_existAsResources_andTheLatestIsTheHighest() {
    Set<Integer> versions = new HashSet<>();
    int max = 0;
    for (String f : Migrations.FILES) {
      assertEquals(true, versions.add(Migrations.version(f)), "duplicate version " + f);
      assertNotNull(Migrations.class.getResource("/db/migration/" + f), f);
      max = Math.max(max, Migrations.version(f));
    }
    assertEquals(max, Migrations.latestVersion());
  }
}
