package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.Event;
import fr.cuf.rencontres.event.EventFormat;
import fr.cuf.rencontres.event.MoveCommand;
import fr.cuf.rencontres.support.Times;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;


/**
 * The "move" and "cancel" forms of a meeting's page. Their fields carry a prefix (moveStartsAt, cancelReason)
 * so that their messages land beside them and not beside the fields of the event form on the same page.
 */
final class MeetingInputs {

    private MeetingInputs() {
    }

    @Serdeable
    @Introspected
    record Move(@Nullable String moveStartsAt, @Nullable String moveEndsAt, @Nullable String moveFormat,
                @Nullable String moveRoomId, @Nullable String moveReason, @Nullable String moveConfirm) {

        static Move of(Event e) {
            return new Move(Times.paris(e.startsAt()).toLocalDateTime().toString(),
                    Times.paris(e.endsAt()).toLocalDateTime().toString(), e.format().name(),
                    e.roomId() == null ? null : e.roomId().toString(), null, null);
        }

        MoveCommand toCommand() {
            Parse p = new Parse();
            MoveCommand c = new MoveCommand(p.dateTime("startsAt", moveStartsAt), p.dateTime("endsAt", moveEndsAt),
                    p.choice("format", moveFormat, EventFormat.class), p.id("roomId", moveRoomId), moveReason,
                    Boolean.TRUE.equals(Parse.checked(moveConfirm)));
            p.throwIfInvalid();
            return c;
        }
    }

    @Serdeable
    @Introspected
    record Cancel(@Nullable String cancelReason) {
    }
}
