package io.companyos.sources.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UniqueKeysTest {

  @Test
  void everyRepeatedKeyGivesTheLineItWasFirstReadOnAcrossGrowth() {
    UniqueKeys keys = new UniqueKeys();
    for (int i = 0; i < 5_000; i++) {
      assertThat(keys.putIfAbsent("c" + i, i + 2L)).isEqualTo(-1);
    }
    assertThat(keys.size()).isEqualTo(5_000);
    for (int i = 0; i < 5_000; i++) {
      // a new String, equal but not the same instance
      assertThat(keys.putIfAbsent(new String("c" + i), 9_999)).isEqualTo(i + 2L);
    }
    assertThat(keys.size()).isEqualTo(5_000);
  }

  @Test
  void keysOfTheSameHashAndCompositeKeysAreToldApart() {
    UniqueKeys keys = new UniqueKeys();
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    assertThat(keys.putIfAbsent("Aa", 2)).isEqualTo(-1);
    assertThat(keys.putIfAbsent("BB", 3)).isEqualTo(-1);
    assertThat(keys.putIfAbsent(List.of("web", "1"), 4)).isEqualTo(-1);
    assertThat(keys.putIfAbsent(List.of("api", "1"), 5)).isEqualTo(-1);
    assertThat(keys.putIfAbsent("BB", 6)).isEqualTo(3);
    assertThat(keys.putIfAbsent("Aa", 7)).isEqualTo(2);
    assertThat(keys.putIfAbsent(List.of("web", "1"), 8)).isEqualTo(4);
  }
}
