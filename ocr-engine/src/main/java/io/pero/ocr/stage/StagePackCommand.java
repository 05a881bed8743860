package io.pero.ocr.stage;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pero-ocr pack-stage STAGE_DIR -o ARCHIVE}: packs a stage for {@code pero-stage-config -f ARCHIVE}. */
@Command(name = "pack-stage", mixinStandardHelpOptions = true,
        description = {"Pack an OCR stage directory (config.ini and the model files it refers to) into the archive "
                + "that `pero-stage-config -f ARCHIVE -r pero/models/<name>.tar.gz` uploads.",
                "Paths in the archive are relative to STAGE_DIR; a config path outside STAGE_DIR is refused."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:archive written", "1:cannot write the archive", "2:usage error",
                "3:invalid config.ini or a model path outside the stage directory"})
public final class StagePackCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STAGE_DIR", description = "stage directory holding config.ini")
    private Path stageDir;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "ARCHIVE",
            description = "archive to write: .tar.gz, .tgz or .zip")
    private Path archive;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<String> entries = StagePacker.pack(stageDir, archive);
            out.println(archive + ": " + String.join(", ", entries));
            return 0;
        } catch (StagePackException e) {
            err.println("error: " + e.getMessage());
            return 3;
        } catch (IOException e) {
            err.println("error: " + archive + ": cannot write the archive: " + e.getMessage());
            return 1;
        }
    }
}
