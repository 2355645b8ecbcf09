package fr.cuf.rencontres.checkin;

import fr.cuf.rencontres.badge.ParticipantOrder;
import fr.cuf.rencontres.support.CountsOutcome;
import fr.cuf.rencontres.support.DomainException;
import fr.cuf.rencontres.support.Problem;
import fr.cuf.rencontres.support.Validator;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Check-in at the door: one scan, a batch of scans queued offline, and finding a registration by name
 * for someone without a badge.
 */
@Singleton
public class CheckinService {

    public static final int MAX_BATCH = 1000;
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_:.-]{1,100}");

    private final ScanDesk desk;
    private final CheckinRepository registrations;
    private final ScanUndo undo;

    CheckinService(ScanDesk desk, CheckinRepository registrations, ScanUndo undo) {
        this.desk = desk;
        this.registrations = registrations;
        this.undo = undo;
    }

    /** Takes back an accepted entry (audited); returns its registration. Refused: {@code nothing_to_undo}. */
    public long undo(String nonce, String actor) {
        return undo.undo(nonce, actor);
    }

    /** One item of a batch: the answer, or why the scan itself was malformed. */
    public record BatchItem(@Nullable String nonce, @Nullable ScanResult result, @Nullable Problem problem) {
        public boolean accepted() {
            return result != null && result.outcome().accepted() && !result.replayed();
        }
    }

    /** Records a live scan; sending the same nonce again returns the first answer, counted once. */
    @CountsOutcome("rencontres.scans")
    public ScanResult scan(ScanRequest request, String scanner) {
        return desk.record(validate(request, false), scanner);
    }

    /**
     * Records scans queued by an offline scanner, oldest first, each on its own (one refusal does not
     * stop the rest). Already recorded nonces are answered, not counted again.
     */
    @CountsOutcome("rencontres.scans")
    public List<BatchItem> batch(List<ScanRequest> requests, String scanner) {
        if (requests.size() > MAX_BATCH) {
            throw DomainException.invalid("scans", "too_many_scans");
        }
        List<ScanRequest> ordered = new ArrayList<>(requests);
        ordered.sort(Comparator.comparing(ScanRequest::scannedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        List<BatchItem> items = new ArrayList<>();
        for (ScanRequest request : ordered) {
            try {
                items.add(new BatchItem(request.nonce(), desk.record(validate(request, true), scanner), null));
            } catch (DomainException refused) {
                items.add(new BatchItem(request.nonce(), null, refused.problems().get(0)));
            }
        }
        return items;
    }

    /**
     * Registrations of an event matching every word typed, in the first name, last name or organisation, whatever
     * the accents and case ("clement" finds Clément, "haddad lyon" Camille Haddad of Lyon), in the order of the
     * participant list; cancelled ones included, with their status. An event's roster (hundreds) is read whole:
     * one query, and the same folding as the scanning page's offline search, on both databases.
     */
    public List<Attendee> findByName(long eventId, String text) {
        List<String> words = SearchText.words(text);
        if (words.isEmpty() || String.join("", words).length() < 2) {
            return List.of();
        }
        return registrations.findRoster(eventId).stream()
                .filter(a -> SearchText.matches(words, a.firstName(), a.lastName(), a.organisationName()))
                .sorted(ParticipantOrder.byName(Attendee::lastName, Attendee::firstName))
                .limit(25).toList();
    }

    private ScanDesk.ValidScan validate(ScanRequest request, boolean offline) {
        Validator v = new Validator();
        boolean hasCode = request.code() != null && !request.code().isBlank();
        if (hasCode == (request.registrationId() != null)) {
            v.add(Problem.of("code_or_registration"));
        }
        if (request.nonce() == null || !NONCE.matcher(request.nonce()).matches()) {
            v.add(Problem.field("nonce", "invalid_nonce"));
        }
        CheckinList list = null;
        ScanMode mode = null;
        try {
            list = CheckinList.parse(request.list());
        } catch (DomainException e) {
            v.add(e.problems().get(0));
        }
        try {
            mode = ScanMode.parse(request.mode());
        } catch (DomainException e) {
            v.add(e.problems().get(0));
        }
        v.throwIfInvalid();
        // the scanner's event is compared with the badge's in the scan's query (an unknown slug: 404 there)
        String eventSlug = request.event() == null || request.event().isBlank() ? null : request.event().strip();
        Instant scannedAt = offline ? request.scannedAt() : null;
        return new ScanDesk.ValidScan(hasCode ? request.code().strip() : null, request.registrationId(), list, mode,
                request.nonce(), eventSlug, scannedAt, offline);
    }
}
