#!/usr/bin/env bash
# docker-compose's Kafka: starts the broker as the apache/kafka image does, then gives each service its
# SCRAM-SHA-512 user and the ACLs to its own topics and consumer group (the same as the KafkaUsers of
# deploy/k8s/base/kafka/users.yaml), and only then reports healthy, so the services start after it.
#
# The broker's own listeners, BROKER (between broker and itself) and CONTROLLER, are plain text bound to
# localhost inside this container; whoever comes in there (the broker, this script) is ANONYMOUS, the
# one super user. The services reach only SASL_SSL on kafka:9092. Users and ACLs are set on every start
# (setting them again changes nothing), so a changed password in .env takes effect on the next start.
set -euo pipefail

/etc/kafka/docker/run &
broker=$!
trap 'kill -TERM "$broker"; wait "$broker"' TERM INT

bin=/opt/kafka/bin
admin=(--bootstrap-server localhost:9094)
until "$bin/kafka-broker-api-versions.sh" "${admin[@]}" > /dev/null 2>&1; do
  kill -0 "$broker" 2> /dev/null || exit 1
  sleep 2
done

# user NAME PASSWORD: the password is hex (compose.env.example), so it needs no quoting here or in JAAS
user() {
  "$bin/kafka-configs.sh" "${admin[@]}" --alter --entity-type users --entity-name "$1" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]" > /dev/null
}
allow() {
  "$bin/kafka-acls.sh" "${admin[@]}" --add --allow-principal "User:$1" "${@:2}" > /dev/null
}
# a service writes its own topics, and creates them (and makes a compacted one compacted) if missing
produces() {
  allow "$1" --topic "$2" --operation Write --operation Describe --operation Create \
    --operation DescribeConfigs --operation AlterConfigs
}
# consumes SERVICE TOPIC GROUP
consumes() {
  allow "$1" --topic "$2" --operation Read --operation Describe
  allow "$1" --group "$3" --operation Read
}

user unit-service "$DUBAN_SCRAM_UNIT_SERVICE"
user task-service "$DUBAN_SCRAM_TASK_SERVICE"
user reminder-service "$DUBAN_SCRAM_REMINDER_SERVICE"
produces unit-service duban.units
produces task-service duban.assignments
consumes task-service duban.units task-service
produces reminder-service duban.notifications
consumes reminder-service duban.assignments reminder-service
consumes reminder-service duban.units reminder-service
# the audit trail: every service records its writes; unit-service stores them
produces unit-service duban.audit
produces task-service duban.audit
produces reminder-service duban.audit
consumes unit-service duban.audit unit-service.audit

touch /tmp/duban-kafka-ready
echo "Duban: SCRAM users and ACLs of unit-, task- and reminder-service are set"
wait "$broker"
