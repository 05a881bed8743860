package io.pero.ocr;

import io.pero.ocr.model.Page;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link PageOcr#process} produced for one image: the recognised page and the output files, named as pero-worker names its
 * results (the image name keeps its extension): {@code scan.jpg_page.xml} (PAGE XML 2019), {@code scan.jpg_alto.xml}
 * (ALTO 4.4) and {@code scan.jpg.txt} (UTF-8 text), in that order.
 */
public record OcrResult(String imageName, Page page, Map<String, byte[]> files) {
    public OcrResult {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** {@code <image name>_page.xml}, the name pero-worker gives PAGE XML output (spec §6.6). */
    public static String pageXmlName(String imageName) {
        return imageName + "_page.xml";
    }

    public static String altoName(String imageName) {
        return imageName + "_alto.xml";
    }

    public static String textName(String imageName) {
        return imageName + ".txt";
    }

    public byte[] pageXml() {
        return files.get(pageXmlName(imageName));
    }

    public byte[] alto() {
        return files.get(altoName(imageName));
    }

    public byte[] text() {
        return files.get(textName(imageName));
    }
}
