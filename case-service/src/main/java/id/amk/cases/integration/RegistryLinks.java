package id.amk.cases.integration;

import id.amk.cases.casefile.api.Child;
import id.amk.cases.casefile.api.Events.CaseRegisteredEvent;
import id.amk.cases.casefile.api.Events.ChildDetailsRecordedEvent;
import id.amk.cases.casefile.api.Events.PersonalDataErasedEvent;
import id.amk.cases.casefile.api.SealedChild;
import id.amk.cases.casefile.command.ChildVault;
import id.amk.contracts.Topics;
import id.amk.contracts.cases.RegistryLinkChanged;
import id.amk.platform.relay.IntegrationEventMapper;
import id.amk.platform.relay.OutgoingEvent;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import java.time.Duration;
import java.util.Optional;

/**
 * The link of a case's child to the national social-welfare registry (DTKS/DTSEN): the NIK, on the RESTRICTED,
 * compacted {@code case.registry.v1} for reporting-service's registry export. An erasure publishes the case unlinked,
 * and compaction removes the earlier records within {@code max.compaction.lag.ms}. A replay after an erasure
 * publishes nothing: the sealed NIK can no longer be opened.
 */
@Configuration(proxyBeanMethods = false)
class RegistryLinks implements IntegrationEventMapper {

    private final ChildVault vault;

    RegistryLinks(ChildVault vault) {
        this.vault = vault;
    }

    @Override
    public Optional<OutgoingEvent> map(DomainEventMessage<?> message) {
        Object event = message.getPayload();
        if (event instanceof CaseRegisteredEvent e) {
            return link(e.caseId(), e.child(), e.at());
        }
        if (event instanceof ChildDetailsRecordedEvent e) {
            return link(e.caseId(), e.child(), e.at());
        }
        if (event instanceof PersonalDataErasedEvent e) {
            return Optional.of(new OutgoingEvent(RegistryLinkChanged.TYPE, new RegistryLinkChanged(e.caseId(), null, false, e.at())));
        }
        return Optional.empty();
    }

    private Optional<OutgoingEvent> link(String caseId, SealedChild child, java.time.Instant at) {
        return vault.open(caseId, child).map(Child::nik).filter(nik -> nik != null && !nik.isBlank())
                .map(nik -> new OutgoingEvent(RegistryLinkChanged.TYPE, new RegistryLinkChanged(caseId, nik, true, at)));
    }

    /**
     * Compacted, and compacted soon after an erasure: no record stays uncompacted longer than the configured lag. A
     * deployment creates the topic beforehand with these settings (deploy/kafka/topics.conf; case-service may not
     * create topics there); this creates it on a broker without one, as in the service's own tests.
     */
    @Bean
    NewTopic caseRegistryTopic(@Value("${amk.cases.registry.max-compaction-lag:10m}") Duration maxCompactionLag) {
        return TopicBuilder.name(Topics.CASE_REGISTRY).compact()
                .config(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, String.valueOf(maxCompactionLag.toMillis()))
                .config(TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(maxCompactionLag.toMillis()))
                .config(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01")
                .config(TopicConfig.DELETE_RETENTION_MS_CONFIG, "0")
                .build();
    }
}
