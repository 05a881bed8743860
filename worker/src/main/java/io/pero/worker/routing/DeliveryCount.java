package io.pero.worker.routing;

import java.util.Map;

/**
 * The poison bound, decided from the message alone (pure): header {@code x-pero-deliveries} counts the deliveries that
 * ended without completing the message. The broker marks a message {@code redelivered} when the delivery before ended
 * without an ack (the worker crashed, its connection dropped, it nacked); that delivery is not in the header yet, so a
 * redelivered message is first republished with the count raised ({@link Recount}) and processed when it comes back.
 * Once the count reaches {@code maxDeliveries} the message is parked, whichever workers saw it.
 */
// Differs from the original: it had no delivery limit and requeued failed deliveries forever (spec §12 item 3).
public final class DeliveryCount {
    private DeliveryCount() {
    }

    /** What to do with a delivery. */
    public sealed interface Decision {
    }

    /** Process it; this is attempt {@code attempt} (1 = first). */
    public record Process(int attempt) implements Decision {
    }

    /** Republish it to the same queue with header {@code deliveries}, then ack this delivery; do not process it now. */
    public record Recount(int deliveries) implements Decision {
    }

    /** Park it in the error queue: {@code deliveries} deliveries ended without completing it. */
    public record Park(int deliveries) implements Decision {
    }

    public static Decision decide(Map<String, Object> headers, String headerName, boolean redelivered, int maxDeliveries) {
        int ended = ended(headers, headerName, redelivered);
        if (ended >= maxDeliveries) {
            return new Park(ended);
        }
        if (redelivered) {
            return new Recount(ended);
        }
        return new Process(ended + 1);
    }

    /** Deliveries known to have ended without completing the message, the one before this included if redelivered. */
    public static int ended(Map<String, Object> headers, String headerName, boolean redelivered) {
        int counted = headerValue(headers, headerName);
        return redelivered && counted < Integer.MAX_VALUE ? counted + 1 : counted;
    }

    /** The header as a count; absent, negative or not a number counts as 0 (a client-set header must not park). */
    static int headerValue(Map<String, Object> headers, String headerName) {
        Object value = headers == null ? null : headers.get(headerName);
        long n;
        if (value instanceof Number number) {
            n = number.longValue();
        } else if (value != null) {
            try {
                n = Long.parseLong(value.toString().trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        } else {
            return 0;
        }
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, n));
    }
}
