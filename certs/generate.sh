#!/usr/bin/env bash
# Generates a CA and server certificates for RabbitMQ and ZooKeeper (TLS), like the original's
# scripts/certificate_setup.sh, but -o/--output-dir works (the original ignored it, spec §12 item 16).
# Usage: certs/generate.sh [-o DIR] [-m MQ_HOST]... [-z ZK_HOST]...
set -euo pipefail
out="$(pwd)/certs/out"; mq=(); zk=()
while (($#)); do
  case "$1" in
    -o|--output-dir) out="$2"; shift 2;;
    -m|--mq) mq+=("$2"); shift 2;;
    -z|--zookeeper) zk+=("$2"); shift 2;;
    -h|--help) sed -n '2,4p' "$0"; exit 0;;
    *) echo "error: unknown option $1" >&2; exit 2;;
  esac
done
((${#mq[@]})) || mq=(localhost 127.0.0.1)
((${#zk[@]})) || zk=(localhost 127.0.0.1)
mkdir -p "$out"; cd "$out"
san() { local s=""; for h in "$@"; do if [[ $h =~ ^[0-9.]+$ || $h == *:* ]]; then s+="IP:$h,"; else s+="DNS:$h,"; fi; done; echo "${s%,}"; }
if [[ ! -f ca.pem ]]; then
  openssl req -x509 -newkey rsa:4096 -nodes -keyout ca-key.pem -out ca.pem -days 3650 -subj "/CN=pero-ca" 2>/dev/null
fi
issue() { # name CN hosts...
  local name=$1 cn=$2; shift 2
  openssl req -newkey rsa:2048 -nodes -keyout "$name-key.pem" -out "$name.csr" -subj "/CN=$cn" 2>/dev/null
  printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\n' "$(san "$@")" > "$name.ext"
  openssl x509 -req -in "$name.csr" -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out "$name-cert.pem" -days 825 -extfile "$name.ext" 2>/dev/null
  rm -f "$name.csr" "$name.ext"
}
issue rabbit-server pero-MQ-server "${mq[@]}"
issue zk-server pero-ZK-server "${zk[@]}"
chmod 600 ./*-key.pem
echo "written to $out: ca.pem (give clients this), rabbit-server-{cert,key}.pem, zk-server-{cert,key}.pem"
