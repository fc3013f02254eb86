package io.companyos.export.confluence;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/** Parses a storage-format body the way a strict consumer would: wrapped in a root that declares ac and ri. */
final class Xml {
  static final String AC = "http://atlassian.com/content";
  static final String RI = "http://atlassian.com/resource/identifier";

  private Xml() {}

  /** The body wrapped in {@code <root>} and parsed namespace-aware; throws on any well-formedness error. */
  static Document parse(String storage) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(new DefaultHandler() {
      @Override
      public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException {
        throw e;
      }

      @Override
      public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException {
        throw e;
      }
    });
    String wrapped = "<root xmlns:ac=\"" + AC + "\" xmlns:ri=\"" + RI + "\">" + storage + "</root>";
    return b.parse(new InputSource(new StringReader(wrapped)));
  }

  /** Elements with the (unprefixed) tag name, in document order. */
  static List<Element> all(Document d, String tag) {
    return list(d.getElementsByTagName(tag));
  }

  /** {@code ac:structured-macro} elements whose {@code ac:name} is {@code name}. */
  static List<Element> macros(Element scope, String name) {
    List<Element> out = new ArrayList<>();
    for (Element e : list(scope.getElementsByTagNameNS(AC, "structured-macro"))) {
      if (name.equals(e.getAttributeNS(AC, "name"))) {
        out.add(e);
      }
    }
    return out;
  }

  /** The text of the macro's {@code ac:parameter} called {@code name}, or null. */
  static String parameter(Element macro, String name) {
    for (Element p : list(macro.getElementsByTagNameNS(AC, "parameter"))) {
      if (p.getParentNode() == macro && name.equals(p.getAttributeNS(AC, "name"))) {
        return p.getTextContent();
      }
    }
    return null;
  }

  /** The macro's {@code ac:rich-text-body}, or null. */
  static Element body(Element macro) {
    List<Element> b = list(macro.getElementsByTagNameNS(AC, "rich-text-body"));
    return b.isEmpty() ? null : b.get(0);
  }

  static List<Element> children(Element e, String tag) {
    List<Element> out = new ArrayList<>();
    for (Element c : list(e.getElementsByTagName(tag))) {
      if (c.getParentNode() == e) {
        out.add(c);
      }
    }
    return out;
  }

  static List<Element> list(NodeList nl) {
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nl.getLength(); i++) {
      out.add((Element) nl.item(i));
    }
    return out;
  }
}
