package fr.cuf.rencontres.schedule.solver;

import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

/**
 * The timetabling rules of issue 3, one method each. Constraint names are the conflict codes of the editor
 * where one exists, so the score explanation and the grid speak the same language.
 * Pinned sessions are not a rule here: they are {@code @PlanningPin} entities the solver never moves.
 */
public class TimetableConstraintProvider implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[]{
                roomConflict(f), personConflict(f), roomCapacity(f), roomEquipment(f), fixedTimeWindows(f),
                openingHours(f), roomUnavailability(f), personUnavailability(f),
                besidePlenary(f), beforeOpeningPlenary(f), afterClosingPlenary(f), seriesOrder(f),
                samePoleParallel(f), biggerRoomsForMoreInterest(f), keepPublishedPlacement(f), attendeeClashes(f),
                chairInGroupMeeting(f)};
    }

    // ---- hard

    Constraint roomConflict(ConstraintFactory f) {
        return f.forEachUniquePair(Placement.class, Joiners.equal(Placement::roomId),
                        Joiners.overlapping(Placement::startMinute, Placement::endMinute))
                .penalize(HardSoftScore.ONE_HARD, Placement::overlapQuarters)
                .asConstraint("room_double_booked");
    }

    Constraint personConflict(ConstraintFactory f) {
        return f.forEachUniquePair(Placement.class, Joiners.overlapping(Placement::startMinute, Placement::endMinute))
                .filter(Placement::sharesPersonWith)
                .penalize(HardSoftScore.ONE_HARD, (a, b) -> a.sharedPersonCount(b) * a.overlapQuarters(b))
                .asConstraint("person_overlap");
    }

    Constraint roomCapacity(ConstraintFactory f) {
        return f.forEach(Placement.class)
                .filter(p -> p.overCapacity() > 0)
                .penalize(HardSoftScore.ONE_HARD, p -> 1 + p.overCapacity() / 10)
                .asConstraint("over_capacity");
    }

    Constraint roomEquipment(ConstraintFactory f) {
        return f.forEach(Placement.class)
                .filter(Placement::lacksEquipment)
                .penalize(HardSoftScore.ONE_HARD)
                .asConstraint("missing_equipment");
    }

    Constraint fixedTimeWindows(ConstraintFactory f) {
        return f.forEach(Placement.class)
                .filter(Placement::outsideFixedWindows)
                .penalize(HardSoftScore.ONE_HARD)
                .asConstraint("outside_fixed_windows");
    }

    Constraint openingHours(ConstraintFactory f) {
        return f.forEach(Placement.class)
                .filter(Placement::outsideOpeningHours)
                .penalize(HardSoftScore.ONE_HARD)
                .asConstraint("outside_venue_hours");
    }

    Constraint roomUnavailability(ConstraintFactory f) {
        return f.forEach(Placement.class)
                .filter(Placement::inUnavailableRoom)
                .penalize(HardSoftScore.ONE_HARD)
                .asConstraint("room_unavailable");
    }

    Constraint personUnavailability(ConstraintFactory f) {
        return f.forEach(Placement.class)
                .filter(Placement::withUnavailablePerson)
                .penalize(HardSoftScore.ONE_HARD)
                .asConstraint("person_unavailable");
    }

    // The three rules of the programme's shape below leave alone what staff placed and kept by hand on both
    // sides (both pinned): the grid warns about it, it is their decision, and no solve could change it.

    /** Nothing runs beside a plenary unless staff allowed that session to. */
    Constraint besidePlenary(ConstraintFactory f) {
        return f.forEachUniquePair(Placement.class, Joiners.overlapping(Placement::startMinute, Placement::endMinute))
                .filter((a, b) -> a.besidePlenaryWithout(b) && !(a.isPinned() && b.isPinned()))
                .penalize(HardSoftScore.ONE_HARD, Placement::overlapQuarters)
                .asConstraint("beside_plenary");
    }

    /** Nothing starts, on its day, before the opening plenary (the event's first). */
    Constraint beforeOpeningPlenary(ConstraintFactory f) {
        return f.forEach(Placement.class).filter(Placement::isPlenary)
                .ifNotExists(Placement.class, Joiners.greaterThan(Placement::startMinute, Placement::startMinute),
                        Joiners.filtering((opening, q) -> q.isPlenary()))
                .join(Placement.class, Joiners.greaterThan(Placement::startMinute, Placement::startMinute),
                        Joiners.filtering((opening, a) -> !a.isPlenary() && a.sameDay(opening)
                                && !(a.isPinned() && opening.isPinned())))
                .penalize(HardSoftScore.ONE_HARD)
                .asConstraint("before_opening_plenary");
    }

    /** Nothing ends, on its day, after the closing plenary (the event's last). */
    Constraint afterClosingPlenary(ConstraintFactory f) {
        return f.forEach(Placement.class).filter(Placement::isPlenary)
                .ifNotExists(Placement.class, Joiners.lessThan(Placement::endMinute, Placement::endMinute),
                        Joiners.filtering((closing, q) -> q.isPlenary()))
                .join(Placement.class, Joiners.lessThan(Placement::endMinute, Placement::endMinute),
                        Joiners.filtering((closing, a) -> !a.isPlenary() && a.sameDay(closing)
                                && !(a.isPinned() && closing.isPinned())))
                .penalize(HardSoftScore.ONE_HARD)
                .asConstraint("after_closing_plenary");
    }

    /** The sessions of one series run in their order. */
    Constraint seriesOrder(ConstraintFactory f) {
        return f.forEachUniquePair(Placement.class, Joiners.equal(Placement::getSeries))
                .filter((a, b) -> a.outOfSeriesOrderWith(b) && !(a.isPinned() && b.isPinned()))
                .penalize(HardSoftScore.ONE_HARD)
                .asConstraint("series_out_of_order");
    }

    // ---- soft

    Constraint samePoleParallel(ConstraintFactory f) {
        return f.forEachUniquePair(Placement.class, Joiners.overlapping(Placement::startMinute, Placement::endMinute))
                .filter(Placement::sharesThemeWith)
                .penalize(HardSoftScore.ofSoft(10), Placement::overlapQuarters)
                .asConstraint("same_pole_parallel");
    }

    /** Of two parallel sessions, the one with more interest should not have the smaller room. */
    Constraint biggerRoomsForMoreInterest(ConstraintFactory f) {
        return f.forEachUniquePair(Placement.class, Joiners.overlapping(Placement::startMinute, Placement::endMinute))
                .filter((a, b) -> Integer.signum(a.getInterest() - b.getInterest())
                        * Integer.signum(a.getRoom().capacity() - b.getRoom().capacity()) < 0)
                .penalize(HardSoftScore.ONE_SOFT, (a, b) -> 1 + Math.abs(a.getInterest() - b.getInterest()) / 10)
                .asConstraint("bigger_rooms_for_more_interest");
    }

    /** Moving a published session costs more than giving it another room. */
    Constraint keepPublishedPlacement(ConstraintFactory f) {
        return f.forEach(Placement.class)
                .filter(p -> p.distanceFromPublished() > 0)
                .penalize(HardSoftScore.ofSoft(50), Placement::distanceFromPublished)
                .asConstraint("keep_published_placement");
    }

    /**
     * People who chose both sessions (or who would, estimated from expected audiences) cannot attend both:
     * each registrant who loses a chosen session weighs more than a whole same-theme overlap (10 a quarter,
     * 60 for 90 minutes), so the solver never trades registrants' clashes for theme overlaps.
     */
    Constraint attendeeClashes(ConstraintFactory f) {
        return f.forEachUniquePair(Placement.class, Joiners.overlapping(Placement::startMinute, Placement::endMinute))
                .filter((a, b) -> a.sharedAttendeesWith(b) > 0)
                .penalize(HardSoftScore.ofSoft(ATTENDEE_CLASH_WEIGHT), Placement::sharedAttendeesWith)
                .asConstraint("attendee_clashes");
    }

    /** Per registrant losing a session: above a full same-theme overlap (see {@link #attendeeClashes}). */
    public static final int ATTENDEE_CLASH_WEIGHT = 100;

    /** A chair holding a group meeting staff accepted: a place to avoid, not a refusal (as on the grid). */
    Constraint chairInGroupMeeting(ConstraintFactory f) {
        return f.forEach(Placement.class)
                .filter(Placement::inPersonMeeting)
                .penalize(HardSoftScore.ofSoft(200))
                .asConstraint("person_in_meeting");
    }
}
