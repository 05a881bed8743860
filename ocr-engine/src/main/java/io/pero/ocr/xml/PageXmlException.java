package io.pero.ocr.xml;

import io.pero.ocr.BadInputException;

/**
 * An input PAGE XML that cannot be used: not well-formed, not PAGE, or with values that cannot be read. The message
 * starts with the document's name and says where, e.g. {@code scan.jpg_page.xml: TextLine 'l3': bad point 'a,b'}.
 */
public class PageXmlException extends BadInputException {
    public PageXmlException(String source, String why) {
        super(source + ": " + why);
    }

    public PageXmlException(String source, String why, Throwable cause) {
        super(source + ": " + why, cause);
    }
}
