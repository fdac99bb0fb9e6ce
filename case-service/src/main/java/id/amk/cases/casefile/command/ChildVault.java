package id.amk.cases.casefile.command;

import id.amk.cases.casefile.api.Child;
import id.amk.cases.casefile.api.SealedChild;
import id.amk.cases.casefile.api.SealedText;

import java.util.Optional;

/** Where each case's key for the child's personal data lives; forgetting it erases the data everywhere. */
public interface ChildVault {

    SealedChild seal(String caseId, Child child);

    /** Empty once the case's key has been forgotten. */
    Optional<Child> open(String caseId, SealedChild sealed);

    /** A free-text note, sealed with the same key (null stays null). */
    SealedText sealText(String caseId, String text);

    /** Empty once the case's key has been forgotten. */
    Optional<String> openText(String caseId, SealedText sealed);

    void forget(String caseId);
}
