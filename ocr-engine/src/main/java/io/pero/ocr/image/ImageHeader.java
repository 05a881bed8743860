package io.pero.ocr.image;

/** What an image's header says, read without decoding pixels. */
record ImageHeader(ImageFormat format, int width, int height) {
    long pixels() {
        return (long) width * height;
    }
}
