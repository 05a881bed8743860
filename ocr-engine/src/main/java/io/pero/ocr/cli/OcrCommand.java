package io.pero.ocr.cli;

import io.pero.ocr.config.OcrConfig;
import io.pero.ocr.stage.StagePackCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pero-ocr IMAGE... -o DIR [--config STAGE_DIR] [--threads N]}; {@code pero-ocr pack-stage ...}. */
@Command(name = "pero-ocr", mixinStandardHelpOptions = true, version = "pero-ocr (pero-worker for the JVM) 0.1",
        subcommands = StagePackCommand.class,
        customSynopsis = {"pero-ocr [-v] [--config=STAGE_DIR] [--threads=N] -o DIR IMAGE...",
                "pero-ocr pack-stage STAGE_DIR -o ARCHIVE"},
        description = {"Run OCR on page images and write, for each IMAGE, DIR/<image>_page.xml (PAGE XML 2019), "
                + "DIR/<image>_alto.xml (ALTO 4.4) and DIR/<image>.txt (UTF-8 text in reading order).",
                "Images: PNG, JPEG, TIFF (first page only), BMP, GIF, WebP. A bad image is reported on stderr and "
                        + "the others are still processed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all images processed", "1:some images failed (listed on stderr)", "2:usage error",
                "3:invalid stage config"})
final class OcrCommand implements Callable<Integer> {
    private final PageOcrFactory factory;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "IMAGE", arity = "0..*",
            description = "page images to read; a directory stands for the images directly inside it")
    private List<Path> images = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "folder for the outputs (required; created if missing)")
    private Path outputDir;

    @Option(names = "--config", paramLabel = "STAGE_DIR", defaultValue = "${env:PERO_OCR_STAGE_DIR}",
            description = "stage directory with config.ini (model paths relative to it); default: built-in models and "
                    + "defaults. Env: PERO_OCR_STAGE_DIR")
    private Path stageDir;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "${env:PERO_OCR_THREADS:-1}",
            description = "pages recognised in parallel (default ${DEFAULT-VALUE}); inference threads are set in "
                    + "config.ini [DEVICE] THREADS. Env: PERO_OCR_THREADS")
    private int threads;

    @Option(names = {"-v", "--verbose"}, description = "debug logging and stack traces on stderr")
    private boolean verbose;

    OcrCommand(PageOcrFactory factory) {
        this.factory = factory;
    }

    @Override
    public Integer call() throws InterruptedException {
        validate();
        CliLogging.configure(verbose);
        PrintWriter err = spec.commandLine().getErr();
        OcrConfig config;
        try {
            config = stageDir == null ? OcrConfig.defaults() : OcrConfig.load(stageDir);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return CliExitCodes.BAD_CONFIG;
        }
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            err.println("error: " + outputDir + ": cannot create the output folder: " + e.getMessage());
            return CliExitCodes.FAILED;
        }
        return run(config, err);
    }

    private int run(OcrConfig config, PrintWriter err) throws InterruptedException {
        PageOcrFactory.Opened opened;
        try {
            opened = factory.open(config);
        } catch (RuntimeException e) {
            err.println("error: cannot open the OCR engine" + (stageDir == null ? "" : " for " + stageDir) + ": "
                    + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            return CliExitCodes.BAD_CONFIG;
        }
        try (AutoCloseable resources = opened.resources()) {
            ImageArguments.Expanded inputs = ImageArguments.expand(images);
            inputs.errors().forEach(e -> err.println("error: " + e));
            int failed = inputs.errors().size() + new ImageBatch(opened.pageOcr(), outputDir,
                    spec.commandLine().getOut(), err, verbose).run(inputs.images(), threads);
            if (failed > 0) {
                err.println("error: " + failed + " of " + (inputs.images().size() + inputs.errors().size())
                        + " images failed");
                return CliExitCodes.FAILED;
            }
            return CliExitCodes.OK;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            err.println("error: closing the OCR engine failed: " + e.getMessage());
            return CliExitCodes.FAILED;
        }
    }

    private void validate() {
        // Checked here, not with required=true: picocli would demand them for `pero-ocr pack-stage` too.
        if (images.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'IMAGE'");
        }
        if (outputDir == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--output=DIR'");
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--threads must be at least 1, got " + threads);
        }
    }
}
