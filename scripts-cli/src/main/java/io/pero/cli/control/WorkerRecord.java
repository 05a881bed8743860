package io.pero.cli.control;

import io.pero.common.status.WorkerStatus;

/**
 * One worker as {@code pero-controller --status} shows it.
 *
 * @param status  the effective status: ZK_CONNECTION_FAILED when the {@code connected} node is gone (unless DEAD),
 *                PROCESSING_FAILED when the status node is missing or unreadable, as {@code controller.py} shows it
 * @param queue   the assigned stage, empty when none
 * @param enabled the {@code enabled} node's text, empty when missing
 */
record WorkerRecord(String id, WorkerStatus status, String queue, boolean connected, String enabled) {
}
