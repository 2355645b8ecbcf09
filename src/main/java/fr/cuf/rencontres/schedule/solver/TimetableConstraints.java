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
public class TimetableConstraints implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[]{
                roomConflict(f), personConflict(f), roomCapacity(f), roomEquipment(f), fixedTimeWindows(f),
                openingHours(f), roomUnavailability(f), personUnavailability(f),
                samePoleParallel(f), biggerRoomsForMoreInterest(f), keepPublishedPlacement(f), attendeeClashes(f)};
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

    /** People who chose both sessions (or who would, estimated from expected audiences) cannot attend both. */
    Constraint attendeeClashes(ConstraintFactory f) {
        return f.forEachUniquePair(Placement.class, Joiners.overlapping(Placement::startMinute, Placement::endMinute))
                .filter((a, b) -> a.sharedAttendeesWith(b) > 0)
                .penalize(HardSoftScore.ONE_SOFT, Placement::sharedAttendeesWith)
                .asConstraint("attendee_clashes");
    }
}
