#!/usr/bin/env bash
# Checks the systemd units: `systemd-analyze verify` (syntax, directives, ExecStart present) and
# `systemd-analyze security --offline=true` (exposure rating; each unit must rate MAX or lower, default 4.0).
# Needs systemd-analyze (Debian: systemd), not a running systemd. The units run /opt/pero-worker/bin/...; for verify
# they are copied with that path pointing at this checkout, whose bin/ launchers are the same files.
set -euo pipefail
max="${1:-4.0}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
units=(pero-worker@.service pero-worker-gpu@.service pero-watchdog.service pero-logd.service)
for u in "${units[@]}"; do
  sed "s|/opt/pero-worker|$root|g" "$here/$u" > "$tmp/$u"
done
status=0
for u in "${units[@]}"; do
  # A template is verified through an instance of it.
  target="$tmp/${u/@./@check-1.}"
  [[ "$u" == *@.service ]] && cp "$tmp/$u" "$target"
  if out="$(SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no "$target" 2>&1)" && [[ -z "$out" ]]; then
    echo "verify   ok    $u"
  else
    echo "verify   FAIL  $u"; echo "$out" | sed 's/^/         /'; status=1
  fi
  rating="$(systemd-analyze security --offline=true --no-pager "$target" 2>&1 | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')"
  if [[ -n "$rating" ]] && awk -v r="$rating" -v m="$max" 'BEGIN { exit !(r <= m) }'; then
    echo "security ok    $u  $rating (<= $max)"
  else
    echo "security FAIL  $u  ${rating:-no rating} (max $max)"; status=1
  fi
done
# The sysusers file must parse (a dry run against an empty root creates nothing on this machine).
if command -v systemd-sysusers >/dev/null; then
  mkdir -p "$tmp/root/etc"
  if systemd-sysusers --root="$tmp/root" "$here/pero.sysusers.conf" >/dev/null 2>&1 && grep -q '^pero:' "$tmp/root/etc/passwd"; then
    echo "sysusers ok    pero.sysusers.conf"
  else
    echo "sysusers FAIL  pero.sysusers.conf"; status=1
  fi
fi
exit $status
