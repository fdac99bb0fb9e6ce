package id.amk.cases.casefile.command;

import id.amk.cases.casefile.api.Child;
import id.amk.cases.casefile.api.SealedChild;

import java.util.Optional;

/** Where each case's key for the child's personal data lives; forgetting it erases the data everywhere. */
public interface ChildVault {

    SealedChild seal(String caseId, Child child);

    /** Empty once the case's key has been forgotten. */
    Optional<Child> open(String caseId, SealedChild sealed);

    void forget(String caseId);
}
