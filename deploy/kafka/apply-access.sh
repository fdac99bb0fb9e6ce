#!/bin/sh
# Creates the topics of topics.conf, then gives each principal of access.conf its SCRAM password and its ACLs, logged
# in as admin. Safe to run again: a topic already there is left as it is, a password is set anew, an ACL already there
# stays one. Environment:
#   AMK_KAFKA_BOOTSTRAP (kafka:9092)  AMK_KAFKA_ADMIN_CONFIG (/tmp/amk-kafka/admin.properties, written by start.sh, or
#   built here from AMK_KAFKA_ADMIN_PASSWORD)  KAFKA_BIN (/opt/kafka/bin)  AMK_KAFKA_ACCESS (access.conf beside this)
#   AMK_KAFKA_TOPICS (topics.conf beside this)  AMK_KAFKA_REPLICATION_FACTOR (1)
#   AMK_KAFKA_<PRINCIPAL>_PASSWORD for every principal of access.conf
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin=${KAFKA_BIN:-/opt/kafka/bin}
bootstrap=${AMK_KAFKA_BOOTSTRAP:-kafka:9092}
plan=${AMK_KAFKA_ACCESS:-$here/access.conf}
topics=${AMK_KAFKA_TOPICS:-$here/topics.conf}
replication=${AMK_KAFKA_REPLICATION_FACTOR:-1}
admin=${AMK_KAFKA_ADMIN_CONFIG:-}
umask 077
if [ -z "$admin" ]; then
  admin=$(mktemp)
  trap 'rm -f "$admin"' EXIT
  cat > "$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${AMK_KAFKA_ADMIN_PASSWORD:?set AMK_KAFKA_ADMIN_PASSWORD or AMK_KAFKA_ADMIN_CONFIG}";
PROPERTIES
fi

grep -v '^[[:space:]]*#' "$topics" | awk 'NF' | while read -r topic partitions settings; do
  set -- --bootstrap-server "$bootstrap" --command-config "$admin" --create --if-not-exists \
      --topic "$topic" --partitions "$partitions" --replication-factor "$replication"
  for setting in $settings; do set -- "$@" --config "$setting"; done
  "$bin/kafka-topics.sh" "$@" > /dev/null
done

principals=$(grep -v '^[[:space:]]*#' "$plan" | awk 'NF { print $1 }' | sort -u)
for principal in $principals; do
  variable=AMK_KAFKA_$(echo "$principal" | tr 'a-z-' 'A-Z_')_PASSWORD
  password=$(printenv "$variable" || true)
  if [ -z "$password" ]; then
    echo "no password for the Kafka principal $principal: set $variable" >&2
    exit 64
  fi
  case "$password" in
    *[!A-Za-z0-9._~+/=-]*) echo "$variable: only letters, digits and . _ ~ + / = - (openssl rand -hex 24)" >&2; exit 64 ;;
  esac
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --alter \
      --entity-type users --entity-name "$principal" --add-config "SCRAM-SHA-512=[password=$password]"
done

grep -v '^[[:space:]]*#' "$plan" | awk 'NF' | while read -r principal right names; do
  set -- --bootstrap-server "$bootstrap" --command-config "$admin" --add --allow-principal "User:$principal"
  case "$right" in
    write) set -- "$@" --operation Write --operation Describe; kind=--topic ;;
    read)  set -- "$@" --operation Read --operation Describe; kind=--topic ;;
    group) set -- "$@" --operation Read; kind=--group ;;
    *) echo "access.conf: '$right' is not write, read or group ($principal)" >&2; exit 65 ;;
  esac
  literal="" prefixed=""
  for name in $names; do
    case "$name" in
      *\*) prefixed="$prefixed ${name%\*}" ;;
      *) literal="$literal $name" ;;
    esac
  done
  if [ -n "$literal" ]; then
    args=""
    for name in $literal; do args="$args $kind $name"; done
    # shellcheck disable=SC2086 # one argument per name, no name has a space
    "$bin/kafka-acls.sh" "$@" $args > /dev/null
  fi
  if [ -n "$prefixed" ]; then
    args=""
    for name in $prefixed; do args="$args $kind $name"; done
    # shellcheck disable=SC2086
    "$bin/kafka-acls.sh" "$@" --resource-pattern-type prefixed $args > /dev/null
  fi
done
echo "Kafka access applied: $(grep -v '^[[:space:]]*#' "$topics" | awk 'NF' | wc -l) topics from $topics, $(echo $principals | wc -w) principals from $plan"
