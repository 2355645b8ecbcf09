package fr.cuf.rencontres.staff;

import fr.cuf.rencontres.support.AuditLog;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Checks a code typed for an account's active second factor: a code of the app (its step within one of now and
 * later than the last one accepted: a code is good once), else one of the account's unused recovery codes, which
 * it uses up (audited, with how many remain).
 */
@Singleton
public class SecondFactorCheck {

    public enum Result { CODE, RECOVERY_CODE, WRONG }

    private final SecondFactorRepository store;
    private final AuditLog audit;
    private final Clock clock;

    SecondFactorCheck(SecondFactorRepository store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Result check(StaffAccount account, String typed) {
        var factor = store.of(account.id()).filter(SecondFactorRepository.SecondFactor::active);
        if (factor.isEmpty()) {
            return Result.WRONG;
        }
        Instant now = clock.instant();
        OptionalLong step = Totp.matchingStep(store.secretOf(factor.get()), typed, now);
        if (step.isPresent()) {
            return store.useStep(account.id(), step.getAsLong()) ? Result.CODE : Result.WRONG;
        }
        if (store.useRecoveryCode(account.id(), typed, now)) {
            audit.record(account.username(), "recovery_code_used", "staff_account", account.id(),
                    store.unusedRecoveryCodes(account.id()) + " recovery codes left");
            return Result.RECOVERY_CODE;
        }
        return Result.WRONG;
    }
}
