#!/usr/bin/env bash
# Docker HEALTHCHECK: GET /health on the daemon's metrics port, with bash alone (no curl in the image).
# Metrics turned off (PERO_METRICS_PORT=0): nothing to ask, report healthy.
port="${PERO_METRICS_PORT:-0}"
[[ "$port" == 0 ]] && exit 0
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
IFS= read -r -t 4 status <&3 || exit 1
[[ "$status" == *" 200 "* ]]
