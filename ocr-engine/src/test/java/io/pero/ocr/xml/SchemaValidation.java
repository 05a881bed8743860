package io.pero.ocr.xml;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/** Validates documents against the PAGE 2019 and ALTO 4.4 schemas copied into the test resources (offline). */
public final class SchemaValidation {
    public static final Schema PAGE = load("pagecontent-2019-07-15.xsd");
    public static final Schema ALTO = load("alto-4-4.xsd");

    private SchemaValidation() {
    }

    /** Throws with the validator's message (line, column, rule) when {@code xml} is not valid. */
    public static void assertValid(Schema schema, String xml) {
        try {
            Validator v = schema.newValidator();
            v.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new AssertionError("schema-invalid document: " + e.getMessage() + "\n" + xml, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load(String name) {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setResourceResolver(SchemaValidation::resolveLocally);
            URL url = SchemaValidation.class.getResource(name);
            return f.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load schema " + name, e);
        }
    }

    /** The machines that build have no internet: ALTO's import of the XLink schema is served from the resources. */
    private static LSInput resolveLocally(String type, String ns, String publicId, String systemId, String baseUri) {
        if (systemId == null || !systemId.endsWith("xlink.xsd")) {
            return null;
        }
        try {
            DOMImplementationLS ls = (DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .getDOMImplementation();
            LSInput input = ls.createLSInput();
            input.setByteStream(SchemaValidation.class.getResourceAsStream("xlink.xsd"));
            input.setSystemId(systemId);
            input.setPublicId(publicId);
            input.setBaseURI(baseUri);
            return input;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
