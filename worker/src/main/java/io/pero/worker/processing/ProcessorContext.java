package io.pero.worker.processing;

import io.pero.common.config.IniFile;
import java.nio.file.Path;

/**
 * What a {@link ProcessorFactory} gets for a configured stage: the stage name, its directory in the model cache (the
 * extracted model archive plus {@code config.ini} and {@code version.txt}; relative paths in the config resolve against
 * it), the parsed {@code config.ini} and the stage config version ({@code /pero/queue/<stage>/config_version}).
 */
public record ProcessorContext(String stage, Path stageDirectory, IniFile config, String configVersion) {
}
