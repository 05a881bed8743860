package io.pero.local;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.pero.cli.CliCommand;
import io.pero.cli.publish.RequestFactory;
import io.pero.common.config.ConfigException;
import io.pero.common.config.ExitCodes;
import io.pero.common.mq.ConfirmingPublisher;
import io.pero.common.mq.QueueTopology;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pero-local}: OCR on local pages through the whole cluster, run inside this one process. */
@Command(name = "pero-local", usageHelpAutoWidth = true,
        description = {"Runs the whole cluster in this process (ZooKeeper, an AMQP broker, SFTP, workers, the watchdog, "
                + "the log daemon; all on 127.0.0.1), sends the pages through an OCR stage with the bundled models and "
                + "writes each page's results into OUT: <image>_page.xml (PAGE), <image>_alto.xml (ALTO), <image>.txt.",
                "Exit code 0 when every page succeeded, 1 when one failed (each failure is listed with its reason)."})
final class LocalCommand extends CliCommand {
    private static final Logger log = LoggerFactory.getLogger(LocalCommand.class);
    static final String RUN_STATE_DIR = "run";
    private static final long TERMINAL_REFRESH_MS = 500;
    private static final long PLAIN_REFRESH_MS = 10_000;
    private static final long STOP_CHECK_MS = 100;

    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "IMAGES|DIRS", arity = "0..*",
            description = "Images, or directories whose images (by extension) are the pages; an explicit file is always "
                    + "a page, even if it is not an image (it is then reported as failed, with the reason).")
    List<Path> inputs = new ArrayList<>();
    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Directory for the results (created if missing).")
    Path outDir;
    @Option(names = "--workers", paramLabel = "N", description = "OCR workers in this process (default: one per two cores).")
    Integer workers;
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep broker, ZooKeeper and run state in DIR: a run that is killed and started again with the "
                    + "same arguments finishes the remaining pages and writes each result once. Default: a temporary "
                    + "directory, removed at the end.")
    Path dataDir;
    @Option(names = "--keep-running",
            description = "After the pages (or at once, with none), keep the services up and print how the other "
                    + "bin/pero-* tools join, until Ctrl-C.")
    boolean keepRunning;
    @Option(names = "--zk-port", defaultValue = "0", paramLabel = "PORT", description = "ZooKeeper port (default: a free one).")
    int zkPort;
    @Option(names = "--amqp-port", defaultValue = "0", paramLabel = "PORT", description = "AMQP port (default: a free one).")
    int amqpPort;
    @Option(names = "--sftp-port", defaultValue = "0", paramLabel = "PORT", description = "SFTP port (default: a free one).")
    int sftpPort;

    private final PrintStream out;
    private final PrintStream err;
    private final CountDownLatch stop;
    private final boolean terminal;

    LocalCommand(PrintStream out, PrintStream err, CountDownLatch stop, boolean terminal) {
        this.out = out;
        this.err = err;
        this.stop = stop;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        if (inputs.isEmpty() && !keepRunning) {
            throw new ParameterException(spec.commandLine(), "give images or directories (or --keep-running)");
        }
        if (!inputs.isEmpty() && outDir == null) {
            throw new ParameterException(spec.commandLine(), "-o OUT is required with pages");
        }
        int workerCount = workers == null ? Math.max(1, Runtime.getRuntime().availableProcessors() / 2) : workers;
        if (workerCount < 1) {
            throw new ParameterException(spec.commandLine(), "--workers " + workerCount + ": must be at least 1");
        }
        List<Pages.Page> pages;
        try {
            pages = Pages.expand(inputs);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("pero-local: " + e.getMessage(), e);
        }
        long start = ProcessStart.nanoTime();
        log.info("pero-local running since_process_start_ms={}", (System.nanoTime() - start) / 1_000_000);
        Path workDir = Files.createTempDirectory("pero-local-");
        try (DataDirLock lock = dataDir == null ? null : DataDirLock.acquire(dataDir);
             RunJournal journal = dataDir == null ? RunJournal.inMemory() : RunJournal.open(dataDir.resolve(RUN_STATE_DIR))) {
            if (outDir != null) {
                OutputDirectory.prepare(outDir);
            }
            ResumePlan plan = ResumePlan.of(pages, journal.uploaded(), journal.finished());
            RunProgress progress = new RunProgress(pages.size(), plan.alreadyFinished(), start);
            if (!plan.alreadyFinished().isEmpty() || plan.toUpload().size() < plan.awaited().size()) {
                err.println("pero-local: resuming: " + plan.alreadyFinished().size() + " of " + pages.size()
                        + " pages finished earlier, " + (plan.awaited().size() - plan.toUpload().size())
                        + " still in the broker, " + plan.toUpload().size() + " to upload");
            }
            err.println("pero-local: starting ZooKeeper, broker, SFTP and " + workerCount + " worker(s)...");
            try (LocalCluster cluster = new LocalCluster(new LocalCluster.Settings(workDir, Optional.ofNullable(dataDir),
                    zkPort, amqpPort, sftpPort, workerCount))) {
                cluster.startServices();
                boolean complete = process(cluster, journal, plan, progress);
                if (complete) {
                    printSummary(progress, System.nanoTime());
                }
                if (keepRunning && !stopRequested()) {
                    printConnectionSettings(cluster);
                    stop.await();
                }
                if (!complete) {
                    return ExitCodes.INTERRUPTED;
                }
                return progress.failures().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
            }
        } finally {
            deleteQuietly(workDir);
        }
    }

    /**
     * Starts the daemons, uploads and collects until every page is finished; false when stopped (Ctrl-C) first. The
     * pages go out and the results are consumed while the workers connect and the other daemons start: the queues
     * exist once the services have started, and a worker finds its first page waiting instead of the other way round.
     */
    private boolean process(LocalCluster cluster, RunJournal journal, ResumePlan plan, RunProgress progress) throws Exception {
        if (plan.awaited().isEmpty()) {
            cluster.startDaemons();
            return true;
        }
        // The publisher closes its own channel. Results are consumed only until here: what a worker finishes while
        // the services stop stays in the broker (with --data-dir, for the next run).
        Connection connection = cluster.connection();
        try (Channel results = connection.createChannel();
             ConfirmingPublisher publisher = new ConfirmingPublisher(connection.createChannel())) {
            UploadWindow window = new UploadWindow(UploadWindow.sizeFor(cluster.workers()),
                    plan.awaited().size() - plan.toUpload().size());
            Consumer<RunJournal.Finished> finished = f -> {
                progress.finished(f, System.nanoTime());
                window.pageFinished();
            };
            ResultCollector collector = new ResultCollector(results, outDir, journal, new HashSet<>(plan.awaited()), finished);
            collector.start(LocalCluster.OUT_QUEUE, QueueTopology.ERROR_QUEUE);
            PageUploader uploader = new PageUploader(publisher, RequestFactory.system(), journal, finished);
            Thread upload = new Thread(() -> {
                try {
                    uploader.upload(plan.toUpload(), List.of(LocalCluster.OCR_STAGE, LocalCluster.OUT_QUEUE), window);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "pero-local-upload");
            upload.start();
            try {
                cluster.startDaemons();
                return awaitPages(cluster, progress);
            } finally {
                // Stopped early (Ctrl-C, a failure) the uploader takes no more pages; either way every upload is settled
                // (journaled) before the connection closes, so no page is recorded as failed for a stop elsewhere.
                upload.interrupt();
                upload.join();
            }
        }
    }

    /** Waits until every page is finished, showing progress; false when stopped (Ctrl-C) first. */
    private boolean awaitPages(LocalCluster cluster, RunProgress progress) throws InterruptedException {
        long refreshNanos = TimeUnit.MILLISECONDS.toNanos(terminal ? TERMINAL_REFRESH_MS : PLAIN_REFRESH_MS);
        long lastShown = System.nanoTime();
        // Short waits, so that Ctrl-C is noticed at once; the progress line only every refresh interval.
        while (!progress.awaitAll(STOP_CHECK_MS, TimeUnit.MILLISECONDS)) {
            if (stopRequested()) {
                err.println();
                err.println("pero-local: stopped with " + progress.done() + "/" + progress.total() + " pages finished"
                        + (dataDir == null ? "" : "; run again with the same arguments to finish the rest"));
                return false;
            }
            if (cluster.workersEnded() == cluster.workers()) {
                throw new IllegalStateException("every worker ended with " + (progress.total() - progress.done())
                        + " pages unfinished; see the log file");
            }
            if (System.nanoTime() - lastShown >= refreshNanos) {
                showProgress(progress);
                lastShown = System.nanoTime();
            }
        }
        showProgress(progress);
        if (terminal) {
            err.println();
        }
        return true;
    }

    private void showProgress(RunProgress progress) {
        String line = progress.line(System.nanoTime());
        if (terminal) {
            err.print("\r" + line + "\u001b[K");
            err.flush();
        } else {
            err.println("pero-local: " + line);
        }
    }

    private boolean stopRequested() {
        return stop.getCount() == 0;
    }

    private void printSummary(RunProgress progress, long now) {
        out.println(Summary.text(progress, now, outDir, PeakRss.describe()));
        out.flush();
        log.info("run finished pages={} failed={}", progress.total(), progress.failures().size());
    }

    private void printConnectionSettings(LocalCluster cluster) {
        out.println("pero-local: services running; Ctrl-C stops them.");
        out.println("  ZooKeeper  " + cluster.zkAddress() + "   (every bin/pero-* tool: export PERO_ZOOKEEPER_SERVERS="
                + cluster.zkAddress() + ", or -z " + cluster.zkAddress() + ")");
        out.println("  AMQP       127.0.0.1:" + cluster.amqpPort() + "  vhost pero, user " + LocalCluster.MQ_USER
                + " password " + LocalCluster.MQ_PASSWORD + " (the tools' default without -u)");
        out.println("  SFTP       127.0.0.1:" + cluster.sftpPort() + "  user " + LocalCluster.SFTP_USER + " password "
                + LocalCluster.SFTP_PASSWORD + " (the tools' default without -u)");
        out.println("  queues     " + LocalCluster.OCR_STAGE + " (OCR stage, bundled models), " + LocalCluster.OUT_QUEUE
                + " (results), " + LocalCluster.LOG_QUEUE + " (log lines into " + cluster.logDir() + ")");
        out.println("  try        bin/pero-publisher -z " + cluster.zkAddress() + " -i samples/lept_table.png -t ocr out");
        out.println("             mkdir -p results && bin/pero-publisher -z " + cluster.zkAddress() + " -d out -r results");
        out.println("             bin/pero-controller -z " + cluster.zkAddress() + " -s");
        out.println("             bin/pero-worker -z " + cluster.zkAddress() + " -i worker-extra-1   (another worker)");
        out.flush();
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("temporary directory not removed path={} cause={}", dir, e.toString());
        }
    }
}
