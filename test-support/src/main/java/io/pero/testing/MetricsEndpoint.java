package io.pero.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A daemon's metrics endpoint as a scraper sees it: GET {@code /metrics}, {@code /health}, {@code /ready}, read one sample
 * from the text format, and run Prometheus' own {@code promtool check metrics} on it where promtool is installed.
 */
public final class MetricsEndpoint {
    /** Why a promtool check was skipped; tests pass it to {@code Assumptions.assumeTrue}. */
    public static final String PROMTOOL_MISSING =
            "promtool not found on PATH (Debian: apt-get install prometheus; or set PERO_PROMTOOL)";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public MetricsEndpoint(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Status code and body. */
    public record Response(int status, String body) {
    }

    public Response get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of the sample {@code name{labels}} (labels as written, e.g. {@code stage="a"}) or empty. */
    public static Optional<Double> sample(String metricsText, String name, String labels) {
        String series = labels.isEmpty() ? Pattern.quote(name) : Pattern.quote(name + "{" + labels + "}");
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)").matcher(metricsText);
        return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
    }

    /** promtool from {@code PERO_PROMTOOL} or the PATH. */
    public static Optional<Path> promtool() {
        String configured = System.getenv("PERO_PROMTOOL");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).findFirst();
    }

    /** Exit code and combined output of {@code promtool check metrics} fed {@code metricsText}. */
    public record Check(int exitCode, String output) {
    }

    public static Check promtoolCheck(Path promtool, String metricsText) {
        try {
            Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
            p.getOutputStream().write(metricsText.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("promtool did not finish in 30 s");
            }
            return new Check(p.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
