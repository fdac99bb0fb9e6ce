package id.amk.contracts;

import id.amk.contracts.cases.CaseAssigned;
import id.amk.contracts.cases.CaseDeadlineApproaching;
import id.amk.contracts.cases.CaseDeadlineMissed;
import id.amk.contracts.cases.CaseRegistered;
import id.amk.contracts.cases.CaseStageChanged;
import id.amk.contracts.cases.FirstContactRecorded;
import id.amk.contracts.cases.PersonalDataErased;
import id.amk.contracts.cases.RegistryLinkChanged;
import id.amk.contracts.identity.AgencyChanged;
import id.amk.contracts.identity.AgencyRegistered;
import id.amk.contracts.identity.AccessRevoked;
import id.amk.contracts.identity.UserChanged;
import id.amk.contracts.identity.UserRegistered;
import id.amk.contracts.lapor.ReportAccepted;
import id.amk.contracts.referral.ReferralEscalated;
import id.amk.contracts.referral.ReferralSessionDelivered;
import id.amk.contracts.referral.ReferralStatusChanged;

import java.util.List;
import java.util.Optional;

/** Every integration event type AMK publishes. A new type is added here, with its schema and golden sample. */
public final class EventCatalog {

    public static final List<EventType> ALL = List.of(
            CaseRegistered.TYPE,
            CaseStageChanged.TYPE,
            CaseAssigned.TYPE,
            FirstContactRecorded.TYPE,
            CaseDeadlineMissed.TYPE,
            CaseDeadlineApproaching.TYPE,
            PersonalDataErased.TYPE,
            id.amk.contracts.cases.ChildLinked.TYPE,
            RegistryLinkChanged.TYPE,
            ReportAccepted.TYPE,
            ReferralStatusChanged.TYPE,
            ReferralSessionDelivered.TYPE,
            ReferralEscalated.TYPE,
            UserRegistered.TYPE,
            UserChanged.TYPE,
            AgencyRegistered.TYPE,
            AgencyChanged.TYPE,
            AccessRevoked.TYPE);

    public static Optional<EventType> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    public static Optional<EventType> byDataClass(Class<?> dataClass) {
        return ALL.stream().filter(t -> t.dataClass().equals(dataClass)).findFirst();
    }

    private EventCatalog() {
    }
}
