package id.amk.referrals.referral.command;

import id.amk.platform.test.MovableClock;
import id.amk.referrals.referral.api.Codes.CancelReason;
import id.amk.referrals.referral.api.Codes.ConsentBy;
import id.amk.referrals.referral.api.Codes.DeclineReason;
import id.amk.referrals.referral.api.Codes.Outcome;
import id.amk.referrals.referral.api.Component;
import id.amk.referrals.referral.api.Facts.CaseFacts;
import id.amk.referrals.referral.api.Facts.ProviderFacts;
import id.amk.referrals.referral.api.ReferralCommands.AcceptReferralCommand;
import id.amk.referrals.referral.api.ReferralCommands.CancelReferralCommand;
import id.amk.referrals.referral.api.ReferralCommands.CompleteReferralCommand;
import id.amk.referrals.referral.api.ReferralCommands.DeclineReferralCommand;
import id.amk.referrals.referral.api.ReferralCommands.EscalateReferralCommand;
import id.amk.referrals.referral.api.ReferralCommands.RecordSessionCommand;
import id.amk.referrals.referral.api.ReferralCommands.RequestReferralCommand;
import id.amk.referrals.referral.api.ReferralEvents.ReferralAcceptedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralCancelledEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralCompletedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralDeclinedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralEscalatedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralRequestedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ServiceSessionDeliveredEvent;
import id.amk.referrals.referral.api.SealedText;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command's outcomes, given earlier events, with a fixed clock. */
class ReferralTest {

    private static final Instant NOW = Instant.parse("2026-11-20T03:00:00Z");
    private static final String ID = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f";
    private static final String CASE = "3f2b8c1e-6a4d-4f0e-9b1a-2c7d5e8f9a01";
    private static final CaseFacts OPEN_CASE = new CaseFacts(CASE, "32.73.01", "peksos-1", "IN_INTERVENTION");
    private static final ProviderFacts SENTRA = new ProviderFacts("sentra-1", "agency-sentra-1", List.of("31", "32"),
            Set.of(Component.THERAPY, Component.CARE), 10, 3, true);
    private static final Set<Component> THERAPY = Set.of(Component.THERAPY);

    private final MovableClock clock = new MovableClock(NOW);
    private final FakeTexts texts = new FakeTexts();
    private AggregateTestFixture<Referral> fixture;

    /** Seals predictably (no cryptography: that is SubjectKeys' job). */
    static final class FakeTexts implements CaseTexts {
        @Override
        public SealedText seal(String caseId, String text) {
            return text == null || text.isBlank() ? null : new SealedText("sealed:" + text);
        }

        @Override
        public Optional<String> open(String caseId, SealedText sealed) {
            return Optional.empty();
        }

        @Override
        public void forget(String caseId) {
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Referral.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(texts);
        fixture.registerInjectableResource(ResponseTimes.DEFAULT);
    }

    private static RequestReferralCommand request(CaseFacts caseFacts, ProviderFacts provider, Set<Component> components, boolean healthNeed,
                                                  ConsentBy consent, String emergency, String capacityOverride) {
        return new RequestReferralCommand(ID, caseFacts, provider, components, "needs counselling", false, healthNeed, consent, emergency,
                capacityOverride, "peksos-1");
    }

    private static ReferralRequestedEvent requested(boolean urgent) {
        return new ReferralRequestedEvent(ID, CASE, "32.73.01", "sentra-1", "agency-sentra-1", THERAPY, new SealedText("sealed:needs counselling"),
                urgent, urgent, ConsentBy.GUARDIAN, null, null, NOW.plus(Duration.ofHours(urgent ? 24 : 48)), "peksos-1", NOW);
    }

    private static ReferralAcceptedEvent accepted() {
        return new ReferralAcceptedEvent(ID, CASE, null, "mitra-1", NOW);
    }

    private static ServiceSessionDeliveredEvent session(int n) {
        return new ServiceSessionDeliveredEvent(ID, CASE, n, NOW.minusSeconds(60), List.of(Component.THERAPY), new SealedText("sealed:went well"),
                "mitra-1", NOW);
    }

    // --- request ---

    @Test
    void a_worker_refers_with_the_guardians_consent_and_the_provider_has_48_hours() {
        fixture.givenNoPriorActivity()
                .when(request(OPEN_CASE, SENTRA, THERAPY, false, ConsentBy.GUARDIAN, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested(false));
    }

    @Test
    void a_health_need_makes_it_urgent_with_24_hours() {
        fixture.givenNoPriorActivity()
                .when(request(OPEN_CASE, SENTRA, THERAPY, true, ConsentBy.GUARDIAN, null, null))
                .expectEvents(requested(true));
    }

    @Test
    void an_emergency_override_with_a_reason_stands_in_for_consent() {
        fixture.givenNoPriorActivity()
                .when(request(OPEN_CASE, SENTRA, THERAPY, false, null, "guardian is the alleged abuser", null))
                .expectEvents(new ReferralRequestedEvent(ID, CASE, "32.73.01", "sentra-1", "agency-sentra-1", THERAPY,
                        new SealedText("sealed:needs counselling"), false, false, null, new SealedText("sealed:guardian is the alleged abuser"),
                        null, NOW.plus(Duration.ofHours(48)), "peksos-1", NOW));
    }

    @Test
    void without_consent_or_an_override_reason_it_is_refused() {
        fixture.givenNoPriorActivity()
                .when(request(OPEN_CASE, SENTRA, THERAPY, false, null, " ", null))
                .expectException(ReferralRuleViolation.class).expectExceptionMessage("consent-required (consentBy)");
    }

    @Test
    void a_closed_case_is_not_referred() {
        fixture.givenNoPriorActivity()
                .when(request(new CaseFacts(CASE, "32.73.01", "peksos-1", "CLOSED"), SENTRA, THERAPY, false, ConsentBy.CHILD, null, null))
                .expectException(ReferralRuleViolation.class).expectExceptionMessage("case-closed (caseId)");
    }

    @Test
    void an_unknown_case_or_an_inactive_provider_is_refused() {
        fixture.givenNoPriorActivity()
                .when(request(null, SENTRA, THERAPY, false, ConsentBy.CHILD, null, null))
                .expectExceptionMessage("case-unknown (caseId)");
        fixture.givenNoPriorActivity()
                .when(request(OPEN_CASE, new ProviderFacts("sentra-1", "a", List.of("32"), THERAPY, 10, 0, false), THERAPY, false,
                        ConsentBy.CHILD, null, null))
                .expectExceptionMessage("provider-unknown (providerId)");
    }

    @Test
    void components_are_required_and_must_be_offered() {
        fixture.givenNoPriorActivity()
                .when(request(OPEN_CASE, SENTRA, Set.of(), false, ConsentBy.CHILD, null, null))
                .expectExceptionMessage("required (components)");
        fixture.givenNoPriorActivity()
                .when(request(OPEN_CASE, SENTRA, Set.of(Component.VOCATIONAL), false, ConsentBy.CHILD, null, null))
                .expectExceptionMessage("component-not-offered (components)");
    }

    @Test
    void a_provider_that_does_not_cover_the_region_is_refused() {
        fixture.givenNoPriorActivity()
                .when(request(new CaseFacts(CASE, "35.78.01", "peksos-1", "PLANNED"), SENTRA, THERAPY, false, ConsentBy.CHILD, null, null))
                .expectExceptionMessage("provider-out-of-area (providerId)");
    }

    @Test
    void a_reason_is_required() {
        fixture.givenNoPriorActivity()
                .when(new RequestReferralCommand(ID, OPEN_CASE, SENTRA, THERAPY, "", false, false, ConsentBy.CHILD, null, null, "peksos-1"))
                .expectExceptionMessage("required (reason)");
    }

    @Test
    void a_provider_at_capacity_needs_an_override_with_a_reason() {
        ProviderFacts full = new ProviderFacts("sentra-1", "agency-sentra-1", List.of("32"), THERAPY, 3, 3, true);
        fixture.givenNoPriorActivity()
                .when(request(OPEN_CASE, full, THERAPY, false, ConsentBy.CHILD, null, null))
                .expectException(ReferralRuleViolation.class).expectExceptionMessage("provider-at-capacity (capacityOverrideReason)");
        fixture.givenNoPriorActivity()
                .when(request(OPEN_CASE, full, THERAPY, false, ConsentBy.CHILD, null, "only trauma centre within reach"))
                .expectEvents(new ReferralRequestedEvent(ID, CASE, "32.73.01", "sentra-1", "agency-sentra-1", THERAPY,
                        new SealedText("sealed:needs counselling"), false, false, ConsentBy.CHILD, null,
                        new SealedText("sealed:only trauma centre within reach"), NOW.plus(Duration.ofHours(48)), "peksos-1", NOW));
    }

    // --- answer ---

    @Test
    void the_provider_accepts_once() {
        fixture.given(requested(false))
                .when(new AcceptReferralCommand(ID, null, "mitra-1", null))
                .expectEvents(accepted());
        fixture.given(requested(false), accepted())
                .when(new AcceptReferralCommand(ID, null, "mitra-1", null))
                .expectExceptionMessage("already-answered (status)");
    }

    @Test
    void the_provider_declines_with_a_reason_code() {
        fixture.given(requested(false))
                .when(new DeclineReferralCommand(ID, DeclineReason.NO_CAPACITY, "full until March", "mitra-1", null))
                .expectEvents(new ReferralDeclinedEvent(ID, CASE, DeclineReason.NO_CAPACITY, new SealedText("sealed:full until March"), "mitra-1", NOW));
        fixture.given(requested(false))
                .when(new DeclineReferralCommand(ID, null, "x", "mitra-1", null))
                .expectExceptionMessage("required (reason)");
        fixture.given(requested(false), accepted())
                .when(new DeclineReferralCommand(ID, DeclineReason.OTHER, null, "mitra-1", null))
                .expectExceptionMessage("already-answered (status)");
    }

    @Test
    void a_declined_referral_is_not_accepted_later() {
        fixture.given(requested(false), new ReferralDeclinedEvent(ID, CASE, DeclineReason.OUT_OF_AREA, null, "mitra-1", NOW))
                .when(new AcceptReferralCommand(ID, null, "mitra-1", null))
                .expectExceptionMessage("referral-ended (status)");
    }

    // --- sessions and completion ---

    @Test
    void sessions_are_numbered_and_need_an_accepted_referral() {
        fixture.given(requested(false), accepted())
                .when(new RecordSessionCommand(ID, NOW.minusSeconds(60), null, "went well", "mitra-1", null))
                .expectEvents(session(1));
        fixture.given(requested(false), accepted(), session(1))
                .when(new RecordSessionCommand(ID, NOW.minusSeconds(60), THERAPY, "went well", "mitra-1", null))
                .expectEvents(new ServiceSessionDeliveredEvent(ID, CASE, 2, NOW.minusSeconds(60), List.of(Component.THERAPY),
                        new SealedText("sealed:went well"), "mitra-1", NOW));
        fixture.given(requested(false))
                .when(new RecordSessionCommand(ID, NOW, null, null, "mitra-1", null))
                .expectExceptionMessage("not-accepted (status)");
    }

    @Test
    void a_session_needs_a_past_date_and_only_referred_components() {
        fixture.given(requested(false), accepted())
                .when(new RecordSessionCommand(ID, NOW.minus(Duration.ofDays(2)), null, null, "mitra-1", null))
                .expectExceptionMessage("before-request (deliveredAt)");
        fixture.given(requested(false), accepted())
                .when(new RecordSessionCommand(ID, null, null, null, "mitra-1", null))
                .expectExceptionMessage("required (deliveredAt)");
        fixture.given(requested(false), accepted())
                .when(new RecordSessionCommand(ID, NOW.plus(Duration.ofDays(1)), null, null, "mitra-1", null))
                .expectExceptionMessage("in-future (deliveredAt)");
        fixture.given(requested(false), accepted())
                .when(new RecordSessionCommand(ID, NOW, Set.of(Component.CARE), null, "mitra-1", null))
                .expectExceptionMessage("component-not-referred (components)");
    }

    @Test
    void completion_needs_a_session_and_an_outcome() {
        fixture.given(requested(false), accepted(), session(1), session(2))
                .when(new CompleteReferralCommand(ID, Outcome.GOALS_MET, "child back at school", "mitra-1", null))
                .expectEvents(new ReferralCompletedEvent(ID, CASE, Outcome.GOALS_MET, new SealedText("sealed:child back at school"), "mitra-1", NOW));
        fixture.given(requested(false), accepted())
                .when(new CompleteReferralCommand(ID, Outcome.GOALS_MET, null, "mitra-1", null))
                .expectExceptionMessage("no-session-yet (status)");
        fixture.given(requested(false), accepted(), session(1))
                .when(new CompleteReferralCommand(ID, null, null, "mitra-1", null))
                .expectExceptionMessage("required (outcome)");
    }

    @Test
    void a_completed_referral_takes_no_more_sessions() {
        fixture.given(requested(false), accepted(), session(1),
                        new ReferralCompletedEvent(ID, CASE, Outcome.PARTIALLY_MET, null, "mitra-1", NOW))
                .when(new RecordSessionCommand(ID, NOW, null, null, "mitra-1", null))
                .expectExceptionMessage("referral-ended (status)");
    }

    // --- cancellation ---

    @Test
    void an_open_referral_is_cancelled_with_a_reason_an_ended_one_is_not() {
        fixture.given(requested(false), accepted())
                .when(new CancelReferralCommand(ID, CancelReason.CASE_CLOSED, null, "system", null))
                .expectEvents(new ReferralCancelledEvent(ID, CASE, CancelReason.CASE_CLOSED, null, "system", NOW));
        fixture.given(requested(false))
                .when(new CancelReferralCommand(ID, null, null, "peksos-1", null))
                .expectExceptionMessage("required (reason)");
        fixture.given(requested(false), new ReferralCancelledEvent(ID, CASE, CancelReason.WITHDRAWN, null, "peksos-1", NOW))
                .when(new CancelReferralCommand(ID, CancelReason.CASE_CLOSED, null, "system", null))
                .expectExceptionMessage("referral-ended (status)");
    }

    // --- escalation ---

    @Test
    void an_unanswered_referral_escalates_once_after_its_deadline_to_the_province() {
        clock.set(NOW.plus(Duration.ofHours(24)));
        fixture.given(requested(true))
                .when(new EscalateReferralCommand(ID, NOW.plus(Duration.ofHours(24))))
                .expectEvents(new ReferralEscalatedEvent(ID, CASE, NOW.plus(Duration.ofHours(24)), "32", "system", NOW.plus(Duration.ofHours(24))));
        fixture.given(requested(true), new ReferralEscalatedEvent(ID, CASE, NOW.plus(Duration.ofHours(24)), "32", "system", NOW))
                .when(new EscalateReferralCommand(ID, NOW.plus(Duration.ofHours(24))))
                .expectNoEvents();
    }

    @Test
    void nothing_escalates_before_the_deadline_or_after_an_answer() {
        clock.set(NOW.plus(Duration.ofHours(47)));
        fixture.given(requested(false))
                .when(new EscalateReferralCommand(ID, NOW.plus(Duration.ofHours(48))))
                .expectNoEvents();
        clock.set(NOW.plus(Duration.ofHours(49)));
        fixture.given(requested(false), accepted())
                .when(new EscalateReferralCommand(ID, NOW.plus(Duration.ofHours(48))))
                .expectNoEvents();
    }

    @Test
    void the_state_follows_the_events_and_counts_versions() {
        ReferralState state = ReferralState.initial().apply(requested(true)).apply(accepted()).apply(session(1)).apply(session(2));
        assertThat(state.status()).isEqualTo(id.amk.referrals.referral.api.ReferralStatus.IN_SERVICE);
        assertThat(state.sessions()).isEqualTo(2);
        assertThat(state.version()).isEqualTo(3);
        assertThat(state.urgent()).isTrue();
    }
}
