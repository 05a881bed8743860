package io.pero.ocr.image;

import io.pero.ocr.BadInputException;

/**
 * The bytes given as an image cannot be turned into pixels: empty, not an image, a format we do not decode,
 * corrupt or truncated data, or an image over the pixel limit. The message starts with the image name and says
 * what is wrong, e.g. {@code scan.png: not an image (starts with '%PDF')}. Retrying the same bytes cannot help.
 */
public class BadImageException extends BadInputException {
    public BadImageException(String imageName, String why) {
        super(imageName + ": " + why);
    }

    public BadImageException(String imageName, String why, Throwable cause) {
        super(imageName + ": " + why, cause);
    }
}
