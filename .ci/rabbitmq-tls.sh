#!/usr/bin/env bash
# Adds TLS listeners to this machine's RabbitMQ: AMQPS on 127.0.0.1:5671 and the management API over HTTPS on 15671,
# with certificates from certs/generate.sh (SANs localhost and 127.0.0.1, so clients keep host name verification on).
# The plain listeners (AMQP 5672, management 15672) stay as they are. Idempotent: the certificates are made once (again
# only when they expire within a day) and RabbitMQ restarts only when this block of its configuration changed or the
# TLS port is not up. Runs as root; called by .ci/run, usable on its own. The tests find the CA in $dir/ca.pem.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${PERO_CI_TLS_DIR:-/etc/rabbitmq/pero-tls}
conf=${RABBITMQ_CONFIG_FILE:-/etc/rabbitmq/rabbitmq.conf}
conf=${conf%.conf}.conf
amqps_port=5671
regenerated=false
https_port=15671
log() { echo "[ci] $*"; }

if [[ ! -f $dir/ca.pem || ! -f $dir/rabbit-server-key.pem ]] \
    || ! openssl x509 -checkend 86400 -noout -in "$dir/rabbit-server-cert.pem" >/dev/null 2>&1; then
  log "making TLS certificates in $dir"
  certs/generate.sh -o "$dir" >/dev/null
  regenerated=true
fi
# RabbitMQ runs as user rabbitmq: it reads its key through its group. Certificates are public; the CA key stays root's.
chmod 755 "$dir"
chgrp rabbitmq "$dir/rabbit-server-key.pem"
chmod 640 "$dir/rabbit-server-key.pem"

begin="# BEGIN pero-ci-tls"
end="# END pero-ci-tls"
block="$begin (written by .ci/rabbitmq-tls.sh; the plain listeners are kept)
listeners.ssl.pero = 127.0.0.1:$amqps_port
ssl_options.cacertfile = $dir/ca.pem
ssl_options.certfile = $dir/rabbit-server-cert.pem
ssl_options.keyfile = $dir/rabbit-server-key.pem
ssl_options.verify = verify_peer
ssl_options.fail_if_no_peer_cert = false
management.tcp.port = 15672
management.ssl.port = $https_port
management.ssl.cacertfile = $dir/ca.pem
management.ssl.certfile = $dir/rabbit-server-cert.pem
management.ssl.keyfile = $dir/rabbit-server-key.pem
$end"

touch "$conf"
current=$(sed -n "/^$begin/,/^$end/p" "$conf")
changed=false
if [[ $current != "$block" ]]; then
  sed -i "/^$begin/,/^$end/d" "$conf"
  printf '%s\n' "$block" >> "$conf"
  changed=true
fi

tls_up() { timeout 5 openssl s_client -connect "127.0.0.1:$1" -CAfile "$dir/ca.pem" -verify_hostname localhost \
  -verify_return_error </dev/null >/dev/null 2>&1; }

if $changed || $regenerated || ! tls_up "$amqps_port"; then
  log "restarting rabbitmq-server for its TLS listeners (config changed: $changed, new certificates: $regenerated)"
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet rabbitmq-server 2>/dev/null; then
    systemctl restart rabbitmq-server
  else
    rabbitmqctl -q shutdown >/dev/null 2>&1 || true
    rabbitmq-server -detached
  fi
  for _ in $(seq 1 60); do rabbitmqctl -q status >/dev/null 2>&1 && break; sleep 1; done
  rabbitmqctl -q await_startup >/dev/null
fi

# What the tests use, checked the way a client checks it: host name verification on, plain listeners unchanged.
for _ in $(seq 1 30); do tls_up "$amqps_port" && break; sleep 1; done
tls_up "$amqps_port" || { echo "error: no TLS answer on 127.0.0.1:$amqps_port" >&2; exit 1; }
for _ in $(seq 1 30); do
  curl -fsS --cacert "$dir/ca.pem" -u guest:guest "https://localhost:$https_port/api/overview" >/dev/null 2>&1 && break
  sleep 1
done
curl -fsS --cacert "$dir/ca.pem" -u guest:guest "https://127.0.0.1:$https_port/api/overview" >/dev/null
rabbitmq-diagnostics -q check_port_listener 5672 >/dev/null
curl -fsS -u guest:guest http://127.0.0.1:15672/api/aliveness-test/pero | grep -q '"ok"'
log "rabbitmq TLS ready (AMQPS 127.0.0.1:$amqps_port, management https :$https_port, CA $dir/ca.pem; plain 5672/15672 kept)"
