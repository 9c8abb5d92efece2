#!/usr/bin/env bash
# Makes what docker-compose's Kafka needs for TLS, once, into deploy/kafka/secrets/ (never committed):
# a CA of its own, the broker's key and certificate (for the host name "kafka") signed by it, in the
# PKCS#12 keystore the apache/kafka image reads, with its password, and the broker's JAAS file (SCRAM
# needs one per listener even when the broker logs in nowhere itself). The services trust ca.crt.
# Needs openssl. Run from anywhere: ./deploy/kafka/make-secrets.sh
set -euo pipefail

dir="$(cd "$(dirname "$0")" && pwd)/secrets"
if [[ -e "$dir/ca.crt" ]]; then
  echo "$dir already holds a CA; remove the folder to make new secrets (then restart Kafka and the services)" >&2
  exit 1
fi
mkdir -p "$dir"
cd "$dir"
days=3650

openssl req -x509 -newkey rsa:3072 -nodes -sha256 -days "$days" \
  -subj "/CN=Duban Kafka CA" -keyout ca.key -out ca.crt
openssl req -newkey rsa:3072 -nodes -sha256 -subj "/CN=kafka" -keyout kafka.key -out kafka.csr
# the services connect to kafka:9092 and check that the certificate names that host
printf 'subjectAltName=DNS:kafka,DNS:localhost\nextendedKeyUsage=serverAuth\n' > kafka.ext
openssl x509 -req -sha256 -days "$days" -in kafka.csr -CA ca.crt -CAkey ca.key -CAcreateserial \
  -extfile kafka.ext -out kafka.crt

openssl rand -hex 24 > keystore-password
openssl pkcs12 -export -name kafka -in kafka.crt -inkey kafka.key -certfile ca.crt \
  -passout "file:keystore-password" -out kafka.keystore.p12

cat > kafka_server_jaas.conf <<'JAAS'
KafkaServer {
  org.apache.kafka.common.security.scram.ScramLoginModule required;
};
JAAS

rm kafka.csr kafka.ext ca.srl
# the broker (user appuser) and the services (user 185) read these through read-only mounts;
# the CA's key stays with whoever runs this
chmod 600 ca.key kafka.key
chmod 644 ca.crt kafka.crt kafka.keystore.p12 keystore-password kafka_server_jaas.conf
echo "Kafka's TLS secrets are in $dir; ca.key signs further certificates, keep it safe"
