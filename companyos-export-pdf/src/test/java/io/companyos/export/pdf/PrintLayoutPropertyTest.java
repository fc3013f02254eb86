package io.companyos.export.pdf;

import io.companyos.render.fixtures.ExportDocs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Any text in a document gives well-formed XHTML, and XML-safe text comes back unchanged. */
class PrintLayoutPropertyTest {

  private static Document parse(String xhtml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
  }

  @Test
  void anyTextGivesWellFormedXhtmlAndKeepsItsCharacters() {
    qt().withExamples(300).forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(s -> {
      String xhtml = PrintLayout.of(ExportDocs.with(s), new PdfOptions(PdfOptions.Paper.A4, 0));
      Document dom;
      try {
        dom = parse(xhtml);
      } catch (Exception e) {
        throw new AssertionError("not well-formed for " + s.codePoints().boxed().toList() + ": " + e.getMessage(), e);
      }
      assertThat(dom.getElementsByTagName("h1").getLength()).isEqualTo(1);
      if (ExportDocs.plainXmlText(s)) {
        assertThat(dom.getElementsByTagName("h1").item(0).getTextContent()).isEqualTo(s + " - Week 47");
        assertThat(dom.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(s + " - Week 47");
        // The section heading and the table cell hold the text too.
        assertThat(dom.getElementsByTagName("h2").item(1).getTextContent()).isEqualTo(s.isBlank() ? "Any" : s);
        assertThat(dom.getElementsByTagName("td").item(3).getTextContent()).isEqualTo(s);
      }
    });
  }

  @Test
  void cssStringsEscapeEverythingButLettersDigitsAndSpaces() {
    qt().withExamples(300).forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(s ->
        assertThat(Xml.cssString(s)).matches("[A-Za-z0-9 \\\\]*"));
  }
}
