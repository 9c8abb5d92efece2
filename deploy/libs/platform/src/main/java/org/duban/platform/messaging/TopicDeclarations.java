package org.duban.platform.messaging;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the topics a service publishes to, with their partitions and cleanup policy, before the
 * first event goes out (a broker's auto-created topic would be neither compacted nor partitioned as
 * planned). If the broker is not reachable on start, it tries again every 30 seconds. It connects as
 * the service's channels do ({@link KafkaConnection}).
 */
@ApplicationScoped
public class TopicDeclarations {

    private static final Logger LOG = Logger.getLogger(TopicDeclarations.class);

    private final TopicsConfig config;
    private final Map<String, Object> connection;
    private volatile boolean declared;

    TopicDeclarations(TopicsConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.config = config;
        this.connection = KafkaConnection.settings(kafka);
    }

    void onStart(@Observes StartupEvent event) {
        declare();
    }

    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        if (!declared) {
            declare();
        }
    }

    public boolean declared() {
        return declared;
    }

    synchronized void declare() {
        if (declared || config.topics().isEmpty()) {
            declared = true;
            return;
        }
        Map<String, Object> settings = new HashMap<>(connection);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        try (Admin admin = Admin.create(settings)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            for (TopicsConfig.Topic topic : config.topics().values()) {
                String policy = topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE;
                if (!existing.contains(topic.name())) {
                    NewTopic created = new NewTopic(topic.name(), topic.partitions(), config.replicationFactor())
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, policy));
                    try {
                        admin.createTopics(List.of(created)).all().get(10, TimeUnit.SECONDS);
                        LOG.infof("Created topic %s (%d partitions, %s)", topic.name(), topic.partitions(), policy);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                            throw e;
                        }
                    }
                } else if (topic.compacted()) {
                    makeCompacted(admin, topic.name());
                }
            }
            declared = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("Could not declare Kafka topics yet (%s); retrying in 30 s", e.toString());
        }
    }

    /**
     * An existing topic (perhaps auto-created) is made compacted if it is not; partitions are left alone.
     * Where ACLs let the service only read the topic (it consumes what another service publishes, and the
     * cluster's own topic definitions set it up), it is left as it is.
     */
    private static void makeCompacted(Admin admin, String name) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
        try {
            Config current = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
            ConfigEntry policy = current == null ? null : current.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            if (policy != null && policy.value() != null && policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                return;
            }
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT), AlterConfigOp.OpType.SET))))
                    .all().get(10, TimeUnit.SECONDS);
            LOG.infof("Made topic %s compacted", name);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicAuthorizationException)) {
                throw e;
            }
            LOG.infof("Topic %s is not this service's to configure (%s); its cluster's definition applies", name, e.getCause().getMessage());
        }
    }
}
