#!/bin/sh
# Starts AMK's Kafka broker (docker-compose: the apache/kafka image's entrypoint) with server.properties, after formatting
# the storage on the first start with the admin's SCRAM credential. Also writes admin.properties, the client settings
# the health check and apply-access.sh log in with. Environment:
#   AMK_KAFKA_ADMIN_PASSWORD   the broker's and the access script's password (letters, digits and . _ ~ + / = -)
#   KAFKA_BIN (/opt/kafka/bin)  AMK_KAFKA_DATA (/var/lib/kafka/data)  AMK_KAFKA_CONFIG_DIR (/tmp/amk-kafka)
#   AMK_KAFKA_ADVERTISED_HOST (kafka)  AMK_KAFKA_PORT (9092)  AMK_KAFKA_CONTROLLER_PORT (9093)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${KAFKA_BIN:-/opt/kafka/bin}
data=${AMK_KAFKA_DATA:-/var/lib/kafka/data}
out=${AMK_KAFKA_CONFIG_DIR:-/tmp/amk-kafka}
host=${AMK_KAFKA_ADVERTISED_HOST:-kafka}
port=${AMK_KAFKA_PORT:-9092}
controller_port=${AMK_KAFKA_CONTROLLER_PORT:-9093}
password=${AMK_KAFKA_ADMIN_PASSWORD:?set AMK_KAFKA_ADMIN_PASSWORD}
case "$password" in
  *[!A-Za-z0-9._~+/=-]*) echo "AMK_KAFKA_ADMIN_PASSWORD: only letters, digits and . _ ~ + / = - (openssl rand -hex 24)" >&2; exit 64 ;;
esac

# the passwords go into files only this user reads
umask 077
mkdir -p "$out" "$data"
sed -e "s|@ADMIN_PASSWORD@|$password|g" -e "s|@DATA@|$data|g" -e "s|@ADVERTISED_HOST@|$host|g" \
    -e "s|@CLIENT_PORT@|$port|g" -e "s|@CONTROLLER_PORT@|$controller_port|g" \
    "$here/server.properties" > "$out/server.properties"
cat > "$out/admin.properties" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$password";
PROPERTIES

if [ ! -f "$data/meta.properties" ]; then
  cluster=$("$bin/kafka-storage.sh" random-uuid)
  "$bin/kafka-storage.sh" format --cluster-id "$cluster" --config "$out/server.properties" \
      --add-scram "SCRAM-SHA-512=[name=admin,password=$password]" --ignore-formatted
fi
exec "$bin/kafka-server-start.sh" "$out/server.properties"
