package dev.citypark.opendata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.ls.LSInput;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official DATEX II v3.6 schema set from {@code src/test/resources/schemas/datex2-v3.6}, loaded from its root
 * {@code DATEXII_3_D2Payload.xsd} with every {@code xs:import} resolved from the same folder by an
 * {@link org.w3c.dom.ls.LSResourceResolver}; external schema and DTD access are switched off, so nothing is fetched.
 */
public final class Datex2Schema {

    private static final String FOLDER = "schemas/datex2-v3.6/";
    private static final String ROOT = "DATEXII_3_D2Payload.xsd";

    private final Schema schema;

    public Datex2Schema() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                String file = systemId.substring(systemId.lastIndexOf('/') + 1);
                return new LocalInput(publicId, FOLDER + file, read(FOLDER + file));
            });
            schema = factory.newSchema(new StreamSource(new ByteArrayInputStream(read(FOLDER + ROOT)),
                    FOLDER + ROOT));
        }
        catch (SAXException e) {
            throw new IllegalStateException("the DATEX II schemas do not load", e);
        }
    }

    /** Every schema error of {@code xml} (not only the first); empty when it is valid. */
    public List<String> errorsOf(byte[] xml) {
        List<String> errors = new ArrayList<>();
        try {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                    throw e;
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        }
        catch (SAXException e) {
            if (errors.isEmpty()) {
                errors.add(e.getMessage());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }

    private static byte[] read(String resource) {
        URL url = Datex2Schema.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing schema resource " + resource);
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A schema document handed to the parser from memory. */
    private record LocalInput(String publicId, String systemId, byte[] bytes) implements LSInput {

        @Override
        public InputStream getByteStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public String getPublicId() {
            return publicId;
        }

        @Override
        public String getSystemId() {
            return systemId;
        }

        @Override
        public Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(Reader characterStream) {
        }

        @Override
        public void setByteStream(InputStream byteStream) {
        }

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String stringData) {
        }

        @Override
        public void setSystemId(String systemId) {
        }

        @Override
        public void setPublicId(String publicId) {
        }

        @Override
        public String getBaseURI() {
            return null;
        }

        @Override
        public void setBaseURI(String baseUri) {
        }

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {
        }
    }
}
