package id.amk.referrals.referral.command;

import id.amk.referrals.referral.api.Component;
import id.amk.referrals.referral.api.Facts.ProviderFacts;
import id.amk.referrals.referral.api.ReferralCommands.AcceptReferralCommand;
import id.amk.referrals.referral.api.ReferralCommands.CancelReferralCommand;
import id.amk.referrals.referral.api.ReferralCommands.CompleteReferralCommand;
import id.amk.referrals.referral.api.ReferralCommands.DeclineReferralCommand;
import id.amk.referrals.referral.api.ReferralCommands.DescribeReferralCommand;
import id.amk.referrals.referral.api.ReferralCommands.EscalateReferralCommand;
import id.amk.referrals.referral.api.ReferralCommands.RecordSessionCommand;
import id.amk.referrals.referral.api.ReferralCommands.RequestReferralCommand;
import id.amk.referrals.referral.api.ReferralEvents.ReferralAcceptedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralCancelledEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralCompletedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralDeclinedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralEscalatedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralRequestedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ServiceSessionDeliveredEvent;
import id.amk.referrals.referral.api.ReferralStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An ATENSI/SERASI referral of a child's case to a provider, event-sourced: requested by the case's worker,
 * answered by the provider (accept or decline), served in sessions, completed with an outcome, or cancelled.
 * Left unanswered past its deadline it is escalated once. Free text is sealed with the case's key (see
 * {@link CaseTexts}) because it may name the child or family.
 */
@Aggregate(cache = "aggregateCache")
public class Referral {

    @AggregateIdentifier
    private String referralId;
    private ReferralState state = ReferralState.initial();

    protected Referral() {
        // for Axon
    }

    @CommandHandler
    public Referral(RequestReferralCommand command, CaseTexts texts, ResponseTimes responseTimes, Clock clock) {
        required(command.referralId(), "referralId");
        if (command.caseFacts() == null) {
            throw new ReferralRuleViolation("case-unknown", "caseId");
        }
        if (command.caseFacts().closed()) {
            throw new ReferralRuleViolation("case-closed", "caseId");
        }
        ProviderFacts provider = command.provider();
        if (provider == null || !provider.active()) {
            throw new ReferralRuleViolation("provider-unknown", "providerId");
        }
        if (command.components() == null || command.components().isEmpty()) {
            throw new ReferralRuleViolation("required", "components");
        }
        if (!provider.components().containsAll(command.components())) {
            throw new ReferralRuleViolation("component-not-offered", "components");
        }
        if (!provider.covers(command.caseFacts().regionCode())) {
            throw new ReferralRuleViolation("provider-out-of-area", "providerId");
        }
        required(command.reason(), "reason");
        if (command.consentBy() == null && blank(command.emergencyOverrideReason())) {
            throw new ReferralRuleViolation("consent-required", "consentBy");
        }
        if (provider.atCapacity() && blank(command.capacityOverrideReason())) {
            throw new ReferralRuleViolation("provider-at-capacity", "capacityOverrideReason");
        }
        String caseId = command.caseFacts().caseId();
        // a child who needs health care cannot wait two days for an answer
        boolean urgent = command.urgent() || command.healthNeed();
        Instant now = clock.instant();
        apply(new ReferralRequestedEvent(command.referralId(), caseId, command.caseFacts().regionCode(), provider.providerId(),
                provider.agencyId(), Set.copyOf(command.components()), texts.seal(caseId, command.reason()), urgent, command.healthNeed(),
                command.consentBy(), command.consentBy() == null ? texts.seal(caseId, command.emergencyOverrideReason()) : null,
                provider.atCapacity() ? texts.seal(caseId, command.capacityOverrideReason()) : null,
                now.plus(responseTimes.of(urgent)).truncatedTo(ChronoUnit.MILLIS), command.actor(), now));
    }

    @CommandHandler
    public void handle(AcceptReferralCommand command, CaseTexts texts, Clock clock) {
        statusIs(ReferralStatus.REQUESTED);
        apply(new ReferralAcceptedEvent(referralId, state.caseId(), texts.seal(state.caseId(), command.note()), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(DeclineReferralCommand command, CaseTexts texts, Clock clock) {
        statusIs(ReferralStatus.REQUESTED);
        if (command.reason() == null) {
            throw new ReferralRuleViolation("required", "reason");
        }
        apply(new ReferralDeclinedEvent(referralId, state.caseId(), command.reason(), texts.seal(state.caseId(), command.detail()),
                command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RecordSessionCommand command, CaseTexts texts, Clock clock) {
        if (state.status() != ReferralStatus.ACCEPTED && state.status() != ReferralStatus.IN_SERVICE) {
            throw new ReferralRuleViolation(state.status().open() ? "not-accepted" : "referral-ended", "status");
        }
        if (command.deliveredAt() == null) {
            throw new ReferralRuleViolation("required", "deliveredAt");
        }
        if (command.deliveredAt().isAfter(clock.instant().plusSeconds(60))) {
            throw new ReferralRuleViolation("in-future", "deliveredAt");
        }
        // the same minute of clock skew as "in the future" allows; a session before its referral existed did not happen in it
        if (command.deliveredAt().isBefore(state.requestedAt().minusSeconds(60))) {
            throw new ReferralRuleViolation("before-request", "deliveredAt");
        }
        Set<Component> delivered = command.components() == null || command.components().isEmpty() ? state.components() : command.components();
        if (!state.components().containsAll(delivered)) {
            throw new ReferralRuleViolation("component-not-referred", "components");
        }
        apply(new ServiceSessionDeliveredEvent(referralId, state.caseId(), state.sessions() + 1, command.deliveredAt(),
                delivered.stream().sorted().toList(), texts.seal(state.caseId(), command.note()), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(CompleteReferralCommand command, CaseTexts texts, Clock clock) {
        if (state.status() != ReferralStatus.IN_SERVICE) {
            throw new ReferralRuleViolation(state.status().open() ? "no-session-yet" : "referral-ended", "status");
        }
        if (command.outcome() == null) {
            throw new ReferralRuleViolation("required", "outcome");
        }
        apply(new ReferralCompletedEvent(referralId, state.caseId(), command.outcome(), texts.seal(state.caseId(), command.summary()),
                command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(CancelReferralCommand command, CaseTexts texts, Clock clock) {
        if (!state.status().open()) {
            throw new ReferralRuleViolation("referral-ended", "status");
        }
        if (command.reason() == null) {
            throw new ReferralRuleViolation("required", "reason");
        }
        apply(new ReferralCancelledEvent(referralId, state.caseId(), command.reason(), texts.seal(state.caseId(), command.detail()),
                command.actor(), clock.instant()));
    }

    /** Once, and only while still unanswered past its deadline: a late or repeated watch changes nothing. */
    @CommandHandler
    public void handle(EscalateReferralCommand command, Clock clock) {
        if (state.status() == ReferralStatus.REQUESTED && !state.escalated() && !clock.instant().isBefore(state.respondBy())) {
            apply(new ReferralEscalatedEvent(referralId, state.caseId(), state.respondBy(), state.regionCode().substring(0, 2), "system",
                    clock.instant()));
        }
    }

    @CommandHandler
    public ReferralState handle(DescribeReferralCommand command) {
        return state;
    }

    @EventSourcingHandler
    void on(ReferralEvent event) {
        referralId = event.referralId();
        state = state.apply(event);
    }

    private void statusIs(ReferralStatus expected) {
        if (state.status() != expected) {
            throw new ReferralRuleViolation(state.status().open() ? "already-answered" : "referral-ended", "status");
        }
    }

    private static void required(String value, String field) {
        if (blank(value)) {
            throw new ReferralRuleViolation("required", field);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
