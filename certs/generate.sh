#!/usr/bin/env bash
# Generates a CA and server certificates for RabbitMQ and ZooKeeper (TLS), like the original's
# scripts/certificate_setup.sh, but -o/--output-dir works (the original ignored it, spec §12 item 16).
# Usage: certs/generate.sh [-o DIR] [-m MQ_HOST]... [-z ZK_HOST]... [--zk-keystore-password PW] [--zk-truststore-password PW]
set -euo pipefail
out="$(pwd)/certs/out"; mq=(); zk=(); ks_pass=""; ts_pass=""
while (($#)); do
  case "$1" in
    -o|--output-dir) out="$2"; shift 2;;
    -m|--mq) mq+=("$2"); shift 2;;
    -z|--zookeeper) zk+=("$2"); shift 2;;
    --zk-keystore-password) ks_pass="$2"; shift 2;;
    --zk-truststore-password) ts_pass="$2"; shift 2;;
    -h|--help) sed -n '2,4p' "$0"; exit 0;;
    *) echo "error: unknown option $1" >&2; exit 2;;
  esac
done
((${#mq[@]})) || mq=(localhost 127.0.0.1)
((${#zk[@]})) || zk=(localhost 127.0.0.1)
command -v openssl >/dev/null || { echo "error: openssl not found" >&2; exit 1; }
command -v keytool >/dev/null || { echo "error: keytool not found (install a JDK) for the ZooKeeper JKS stores" >&2; exit 1; }
mkdir -p "$out"; cd "$out"
umask 077
san() { local s=""; for h in "$@"; do if [[ $h =~ ^[0-9.]+$ || $h == *:* ]]; then s+="IP:$h,"; else s+="DNS:$h,"; fi; done; echo "${s%,}"; }
if [[ ! -f ca.pem ]]; then
  # Differs from the original: the CA's subject is unique (OU=ca-<random>), not just CN=pero-ca. ZooKeeper's PEM trust
  # store keys certificates by subject, so of two CAs named alike in one ca_cert bundle it would keep only the last.
  openssl req -x509 -newkey rsa:4096 -nodes -keyout ca-key.pem -out ca.pem -days 3650 \
    -subj "/O=pero/OU=ca-$(openssl rand -hex 4)/CN=pero-ca" 2>/dev/null
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

# ZooKeeper's stores (as the original: PKCS#12 with alias zk_server, a JKS keystore, a JKS truststore with alias ca_cert).
# Passwords not given are random; each is kept in a file beside its store, which zoo.cfg can name
# (ssl.keyStore.passwordPath / ssl.trustStore.passwordPath) so that no password sits in zoo.cfg.
password() { if [[ -n $1 ]]; then printf '%s' "$1"; else openssl rand -hex 16; fi; }
ks_pass=$(password "$ks_pass"); ts_pass=$(password "$ts_pass")
printf '%s' "$ks_pass" > zk-keystore.password; printf '%s' "$ts_pass" > zk-truststore.password
rm -f zk-server.p12 zk-keystore.jks zk-truststore.jks
openssl pkcs12 -export -in zk-server-cert.pem -inkey zk-server-key.pem -certfile ca.pem -name zk_server \
  -out zk-server.p12 -passout file:zk-keystore.password
keytool -importkeystore -noprompt -srckeystore zk-server.p12 -srcstoretype PKCS12 -srcstorepass:file zk-keystore.password \
  -srcalias zk_server -destkeystore zk-keystore.jks -deststoretype JKS -deststorepass:file zk-keystore.password \
  -destkeypass:file zk-keystore.password -destalias zk_server >/dev/null 2>&1 \
  || { echo "error: keytool could not build zk-keystore.jks" >&2; exit 1; }
keytool -importcert -noprompt -alias ca_cert -file ca.pem -keystore zk-truststore.jks -storetype JKS \
  -storepass:file zk-truststore.password >/dev/null 2>&1 \
  || { echo "error: keytool could not build zk-truststore.jks" >&2; exit 1; }
# Certificates and stores may be read by anyone; private keys, the CA key and the passwords by the owner only.
chmod 644 ca.pem ./*-cert.pem zk-server.p12 zk-keystore.jks zk-truststore.jks
chmod 600 ./*-key.pem ./*.password
echo "written to $out: ca.pem (give clients this), rabbit-server-{cert,key}.pem, zk-server-{cert,key}.pem,"
echo "  zk-server.p12, zk-keystore.jks, zk-truststore.jks (passwords in zk-keystore.password, zk-truststore.password)"
