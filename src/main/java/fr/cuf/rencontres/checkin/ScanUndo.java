package fr.cuf.rencontres.checkin;

import fr.cuf.rencontres.support.AuditLog;
import fr.cuf.rencontres.support.DomainException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Takes back an entry recorded by mistake (the wrong person let in by name, a badge scanned twice by two
 * people): the scan stays in the journal as {@code undone}, the presence is what the remaining scans say,
 * and the audit log keeps who did it.
 */
@Singleton
class ScanUndo {

    private final ScanRepository sql;
    private final AuditLog audit;

    ScanUndo(ScanRepository sql, AuditLog audit) {
        this.sql = sql;
        this.audit = audit;
    }

    @Transactional
    long undo(String nonce, String actor) {
        ScanRepository.Undoable scan = sql.findUndoable(nonce)
                .orElseThrow(() -> DomainException.conflict("nonce", "nothing_to_undo"));
        sql.lock(scan.registrationId());
        if (sql.markUndone(nonce) == 0) {
            throw DomainException.conflict("nonce", "nothing_to_undo");
        }
        if (sql.forgetPresence(scan.registrationId(), scan.listKey()) == 0) {
            sql.recomputePresence(scan.registrationId(), scan.listKey());
        }
        audit.record(actor, "checkin.undone", "registration", scan.registrationId(),
                "list=" + scan.listKey() + ";nonce=" + nonce + ";scanner=" + scan.scanner());
        return scan.registrationId();
    }
}
