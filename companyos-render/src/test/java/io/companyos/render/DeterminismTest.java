package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.companyos.model.BuiltinDefinitions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** Same inputs and as-of give byte-identical packs, whatever the JVM's default zone and locale. */
class DeterminismTest {

  static Map<String, String> renderAll() {
    PackRenderer renderer = new PackRenderer();
    Map<String, String> out = new LinkedHashMap<>();
    PackAssembler assembler = new PackAssembler(SampleCompany.COMPANY, List.of(SampleCompany.SOURCE));
    for (String id : BuiltinDefinitions.PACK_IDS) {
      PackDocument doc = assembler.assemble(SampleCompany.COMPANY.pack(id).orElseThrow(), SampleCompany.AS_OF, SampleCompany.UTC);
      for (PackFormat f : PackFormat.values()) {
        out.put(id + "." + f.extension(), renderer.render(doc, f));
      }
    }
    return out;
  }

  @Test
  void renderingTwiceAndUnderOtherDefaultsGivesTheSameBytes() {
    Map<String, String> first = renderAll();
    assertThat(renderAll()).isEqualTo(first);
    TimeZone zone = TimeZone.getDefault();
    Locale locale = Locale.getDefault();
    try {
      // A zone far from UTC and locales with other digits, separators and decimal commas.
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      Locale.setDefault(Locale.forLanguageTag("ar-EG-u-nu-arab"));
      assertThat(renderAll()).isEqualTo(first);
      TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));
      Locale.setDefault(Locale.GERMANY);
      assertThat(renderAll()).isEqualTo(first);
    } finally {
      TimeZone.setDefault(zone);
      Locale.setDefault(locale);
    }
    assertThat(first).hasSize(30);
  }

  @Test
  void footnotesAreNumberedInOrderOfFirstUse() {
    PackDocument doc = SampleCompany.assemble("ops-review");
    // Numbers run 1, 2, 3, ... with no gaps, in the order the values appear.
    assertThat(doc.footnotes().values()).containsExactlyElementsOf(
        java.util.stream.IntStream.rangeClosed(1, doc.footnotes().size()).boxed().toList());
    String md = new PackRenderer().render(doc, PackFormat.MD);
    assertThat(md.indexOf("[^1]")).isLessThan(md.indexOf("[^2]"));
    assertThat(md).contains("[^" + doc.footnotes().size() + "]: sample · ");
  }
}
