package id.amk.cases.casefile.command;

import id.amk.cases.casefile.api.AbhRole;
import id.amk.cases.casefile.api.SealedChild;
import id.amk.cases.casefile.api.Events.SealedPlanAction;
import id.amk.cases.casefile.api.SealedText;
import id.amk.cases.casefile.api.Events.CaseAssessedEvent;
import id.amk.cases.casefile.api.Deadline;
import id.amk.cases.casefile.api.Events.CaseClosedEvent;
import id.amk.cases.casefile.api.Events.CaseDeadlineApproachingEvent;
import id.amk.cases.casefile.api.Events.CaseDeadlineMissedEvent;
import id.amk.cases.casefile.api.Events.CaseEvent;
import id.amk.cases.casefile.api.Events.CasePlannedEvent;
import id.amk.cases.casefile.api.Events.CaseRegisteredEvent;
import id.amk.cases.casefile.api.Events.CaseReopenedEvent;
import id.amk.cases.casefile.api.Events.CaseTransferredEvent;
import id.amk.cases.casefile.api.Events.ChildDetailsRecordedEvent;
import id.amk.cases.casefile.api.Events.FirstContactRecordedEvent;
import id.amk.cases.casefile.api.Events.FollowUpVisitRecordedEvent;
import id.amk.cases.casefile.api.Events.InterventionStartedEvent;
import id.amk.cases.casefile.api.Events.PersonalDataErasedEvent;
import id.amk.cases.casefile.api.Events.ProgressNoteAddedEvent;
import id.amk.cases.casefile.api.Events.ReintegrationStartedEvent;
import id.amk.cases.casefile.api.Events.WorkerAssignedEvent;
import id.amk.cases.casefile.api.RiskLevel;
import id.amk.cases.casefile.api.Stage;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A case as its events made it: one pure fold, used by the aggregate to decide and by the read side to
 * answer "what did we know, and when" ({@code asOf}). {@link #version()} is the sequence number of the
 * last event applied: the ETag of the case.
 */
public final class CaseState {

    private String caseId;
    private String caseNumber;
    /** The child's identity, shared by every case of the same child. */
    private String childId;
    private Stage stage;
    private String regionCode;
    private SealedChild child;
    private boolean personalDataErased;
    private boolean legalHold;
    private Instant closedAt;
    private Set<String> clusters = Set.of();
    private AbhRole abhRole;
    private RiskLevel riskLevel;
    private String source;
    private String reportId;
    private boolean consent;
    private String assignedWorker;
    private Instant firstContactAt;
    private List<SealedText> needs = List.of();
    private List<SealedText> risks = List.of();
    private Set<String> recommendedComponents = Set.of();
    private List<SealedText> goals = List.of();
    private List<SealedPlanAction> actions = List.of();
    private SealedText closureReason;
    private SealedText outcome;
    private int followUpVisits;
    private int progressNotes;
    private Instant registeredAt;
    private Instant lastChangedAt;
    private long version = -1;
    private Instant stageSince;
    private Instant lastNoteAt;
    /** Deadlines recorded as missed, as "DEADLINE@dueAt", and the kinds still not met. */
    private Set<String> missed = Set.of();
    /** Deadlines the worker was reminded of, as "DEADLINE@dueAt". */
    private Set<String> reminded = Set.of();
    private Set<Deadline> overdue = Set.of();

    public static CaseState initial() {
        return new CaseState();
    }

    /** The state after one more event; this one is left as it was. */
    public CaseState apply(CaseEvent event) {
        CaseState next = copy();
        if (event instanceof CaseRegisteredEvent e) {
            next.caseId = e.caseId();
            next.caseNumber = e.caseNumber();
            next.childId = e.childOrCase();
            next.stage = Stage.REGISTERED;
            next.regionCode = e.regionCode();
            next.child = e.child();
            next.clusters = Set.copyOf(e.clusters());
            next.abhRole = e.abhRole();
            next.riskLevel = e.riskLevel();
            next.source = e.source();
            next.reportId = e.reportId();
            next.consent = e.consent();
            next.assignedWorker = e.assignedWorker();
            next.registeredAt = e.at();
        } else if (event instanceof WorkerAssignedEvent e) {
            next.assignedWorker = e.worker();
        } else if (event instanceof FirstContactRecordedEvent e) {
            next.firstContactAt = e.contactedAt();
        } else if (event instanceof CaseAssessedEvent e) {
            next.stage = Stage.ASSESSED;
            next.needs = List.copyOf(e.needs());
            next.risks = List.copyOf(e.risks());
            next.recommendedComponents = Set.copyOf(e.recommendedComponents());
            next.riskLevel = e.riskLevel() != null ? e.riskLevel() : riskLevel;
        } else if (event instanceof CasePlannedEvent e) {
            next.stage = Stage.PLANNED;
            next.goals = List.copyOf(e.goals());
            next.actions = List.copyOf(e.actions());
        } else if (event instanceof InterventionStartedEvent) {
            next.stage = Stage.IN_INTERVENTION;
        } else if (event instanceof ReintegrationStartedEvent) {
            next.stage = Stage.REINTEGRATION;
        } else if (event instanceof CaseClosedEvent e) {
            next.stage = Stage.CLOSED;
            next.closedAt = e.at();
            next.closureReason = e.reason();
            next.outcome = e.outcome();
        } else if (event instanceof FollowUpVisitRecordedEvent) {
            next.followUpVisits++;
        } else if (event instanceof CaseReopenedEvent) {
            // reopened: back to the start of the steps, the situation is assessed anew
            next.stage = Stage.REGISTERED;
            next.closedAt = null;
            next.firstContactAt = null;
            next.closureReason = null;
            next.outcome = null;
        } else if (event instanceof CaseTransferredEvent e) {
            next.regionCode = e.toRegionCode();
            next.assignedWorker = e.toWorker();
        } else if (event instanceof ChildDetailsRecordedEvent e) {
            next.child = e.child();
            if (e.abhRole() != null) {
                next.abhRole = e.abhRole();
            }
        } else if (event instanceof id.amk.cases.casefile.api.Events.ChildLinkedEvent e) {
            next.childId = e.childId();
        } else if (event instanceof PersonalDataErasedEvent) {
            next.personalDataErased = true;
        } else if (event instanceof id.amk.cases.casefile.api.Events.LegalHoldPlacedEvent) {
            next.legalHold = true;
        } else if (event instanceof id.amk.cases.casefile.api.Events.LegalHoldReleasedEvent) {
            next.legalHold = false;
        } else if (event instanceof ProgressNoteAddedEvent) {
            next.progressNotes++;
            next.lastNoteAt = event.at();
        }
        if (event instanceof CaseRegisteredEvent || event instanceof CaseAssessedEvent || event instanceof CasePlannedEvent
                || event instanceof InterventionStartedEvent || event instanceof ReintegrationStartedEvent
                || event instanceof CaseClosedEvent || event instanceof CaseReopenedEvent) {
            next.stageSince = event.at();
        }
        if (event instanceof CaseDeadlineApproachingEvent e) {
            Set<String> remindedNow = new HashSet<>(reminded);
            remindedNow.add(e.deadline() + "@" + e.dueAt());
            next.reminded = Set.copyOf(remindedNow);
        }
        if (event instanceof CaseDeadlineMissedEvent e) {
            Set<String> missedNow = new HashSet<>(missed);
            missedNow.add(e.deadline() + "@" + e.dueAt());
            next.missed = Set.copyOf(missedNow);
            Set<Deadline> overdueNow = new HashSet<>(overdue);
            overdueNow.add(e.deadline());
            next.overdue = Set.copyOf(overdueNow);
        }
        next.overdue = met(next.overdue, event);
        next.lastChangedAt = event.at();
        next.version++;
        return next;
    }

    /** A late step done is no longer overdue. */
    private static Set<Deadline> met(Set<Deadline> overdue, CaseEvent event) {
        if (overdue.isEmpty()) {
            return overdue;
        }
        Set<Deadline> still = new HashSet<>(overdue);
        if (event instanceof FirstContactRecordedEvent) {
            still.remove(Deadline.FIRST_CONTACT);
        } else if (event instanceof CaseAssessedEvent) {
            still.remove(Deadline.ASSESSMENT);
        } else if (event instanceof CasePlannedEvent) {
            still.remove(Deadline.PLAN);
        } else if (event instanceof ProgressNoteAddedEvent || event instanceof ReintegrationStartedEvent) {
            still.remove(Deadline.MONITORING_REVIEW);
        } else if (event instanceof CaseClosedEvent || event instanceof CaseReopenedEvent) {
            still.clear();
        }
        return Set.copyOf(still);
    }

    public boolean missed(Deadline deadline, Instant dueAt) {
        return missed.contains(deadline + "@" + dueAt);
    }

    public boolean reminded(Deadline deadline, Instant dueAt) {
        return reminded.contains(deadline + "@" + dueAt);
    }

    private CaseState copy() {
        CaseState c = new CaseState();
        c.caseId = caseId;
        c.caseNumber = caseNumber;
        c.childId = childId;
        c.stage = stage;
        c.regionCode = regionCode;
        c.child = child;
        c.personalDataErased = personalDataErased;
        c.legalHold = legalHold;
        c.closedAt = closedAt;
        c.clusters = clusters;
        c.abhRole = abhRole;
        c.riskLevel = riskLevel;
        c.source = source;
        c.reportId = reportId;
        c.consent = consent;
        c.assignedWorker = assignedWorker;
        c.firstContactAt = firstContactAt;
        c.needs = needs;
        c.risks = risks;
        c.recommendedComponents = recommendedComponents;
        c.goals = goals;
        c.actions = actions;
        c.closureReason = closureReason;
        c.outcome = outcome;
        c.followUpVisits = followUpVisits;
        c.progressNotes = progressNotes;
        c.registeredAt = registeredAt;
        c.lastChangedAt = lastChangedAt;
        c.version = version;
        c.stageSince = stageSince;
        c.lastNoteAt = lastNoteAt;
        c.missed = missed;
        c.reminded = reminded;
        c.overdue = overdue;
        return c;
    }

    public String caseId() {
        return caseId;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public String childId() {
        return childId;
    }

    public Stage stage() {
        return stage;
    }

    public String regionCode() {
        return regionCode;
    }

    /** The child's data, sealed with the case's key: open it with the {@link ChildVault}. */
    public SealedChild child() {
        return child;
    }

    public boolean legalHold() {
        return legalHold;
    }

    /** When the case was last closed (null while open). */
    public Instant closedAt() {
        return closedAt;
    }

    public boolean personalDataErased() {
        return personalDataErased;
    }

    public Set<String> clusters() {
        return clusters;
    }

    public AbhRole abhRole() {
        return abhRole;
    }

    public RiskLevel riskLevel() {
        return riskLevel;
    }

    public String source() {
        return source;
    }

    public String reportId() {
        return reportId;
    }

    public boolean consent() {
        return consent;
    }

    public String assignedWorker() {
        return assignedWorker;
    }

    public Instant firstContactAt() {
        return firstContactAt;
    }

    public List<SealedText> needs() {
        return needs;
    }

    public List<SealedText> risks() {
        return risks;
    }

    public Set<String> recommendedComponents() {
        return recommendedComponents;
    }

    public List<SealedText> goals() {
        return goals;
    }

    public List<SealedPlanAction> actions() {
        return actions;
    }

    public SealedText closureReason() {
        return closureReason;
    }

    public SealedText outcome() {
        return outcome;
    }

    public int followUpVisits() {
        return followUpVisits;
    }

    public int progressNotes() {
        return progressNotes;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant lastChangedAt() {
        return lastChangedAt;
    }

    public long version() {
        return version;
    }

    public Instant stageSince() {
        return stageSince;
    }

    public Instant lastNoteAt() {
        return lastNoteAt;
    }

    /** The steps that missed their deadline and are still not done. */
    public Set<Deadline> overdue() {
        return overdue;
    }
}
