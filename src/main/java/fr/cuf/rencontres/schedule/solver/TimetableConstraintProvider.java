package fr.cuf.rencontres.schedule.solver;

import ai.timefold.solver.core.api.score.buildin.hardsoft.HardSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;
import ai.timefold.solver.core.api.score.stream.bi.BiJoiner;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;
import fr.cuf.rencontres.schedule.ConflictCode;

/**
 * The timetabling rules, one method each, and the only place they are written: the solver searches with them,
 * and the editor's and the publisher's conflicts are Timefold's analysis of the timetable as staff placed it
 * ({@link SolverConflicts}). Constraint names are the conflict codes; each match is justified by a
 * {@link Breach} naming the code, the sessions and the people or equipment concerned. Constraints that name
 * no code (room sizes against interest, published sessions kept, attendees' clashes) only steer the solver.
 * Pinned sessions are not a rule here: they are {@code @PlanningPin} entities the solver never moves.
 */
public class TimetableConstraintProvider implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[]{
                roomConflict(f), personConflict(f), roomCapacity(f), roomEquipment(f), briefingBlocks(f),
                plenarySlots(f), eventDates(f), openingHours(f), roomUnavailability(f), personUnavailability(f),
                besidePlenary(f), beforeOpeningPlenary(f), afterClosingPlenary(f), seriesOrder(f),
                besidePlenaryKept(f), beforeOpeningPlenaryKept(f), afterClosingPlenaryKept(f), seriesOrderKept(f),
                samePoleParallel(f), personPause(f), biggerRoomsForMoreInterest(f), keepPublishedPlacement(f),
                attendeeClashes(f), chairInGroupMeeting(f)};
    }

    // ---- hard

    Constraint roomConflict(ConstraintFactory f) {
        return f.forEachUniquePair(Placement.class, Joiners.equal(Placement::roomId),
                        Joiners.overlapping(Placement::startMinute, Placement::endMinute))
                .penalize(HardSoftScore.ONE_HARD, Placement::overlapQuarters)
                .justifyWith((a, b, score) -> Breach.pair(ConflictCode.ROOM_DOUBLE_BOOKED, a, b))
                .asConstraint("room_double_booked");
    }

    Constraint personConflict(ConstraintFactory f) {
        return f.forEachUniquePair(Placement.class, Joiners.overlapping(Placement::startMinute, Placement::endMinute))
                .filter(Placement::sharesPersonWith)
                .penalize(HardSoftScore.ONE_HARD, (a, b) -> a.sharedPersonCount(b) * a.overlapQuarters(b))
                .justifyWith((a, b, score) -> Breach.pair(ConflictCode.PERSON_OVERLAP, a, b, a.sharedPersons(b)))
                .asConstraint("person_overlap");
    }

    Constraint roomCapacity(ConstraintFactory f) {
        return f.forEach(Placement.class)
                .filter(p -> p.overCapacity() > 0)
                .penalize(HardSoftScore.ONE_HARD, p -> 1 + p.overCapacity() / 10)
                .justifyWith((p, score) -> Breach.of(ConflictCode.OVER_CAPACITY, p))
                .asConstraint("over_capacity");
    }

    Constraint roomEquipment(ConstraintFactory f) {
        return f.forEach(Placement.class)
                .filter(Placement::lacksEquipment)
                .penalize(HardSoftScore.ONE_HARD)
                .justifyWith((p, score) -> Breach.of(ConflictCode.MISSING_EQUIPMENT, p, p.missingEquipment()))
                .asConstraint("missing_equipment");
    }

    Constraint briefingBlocks(ConstraintFactory f) {
        return f.forEach(Placement.class)
                .filter(p -> p.isBriefing() && p.outsideFixedWindows())
                .penalize(HardSoftScore.ONE_HARD)
                .justifyWith((p, score) -> Breach.of(ConflictCode.BRIEFING_OUTSIDE_BLOCKS, p))
                .asConstraint("briefing_outside_blocks");
    }

    Constraint plenarySlots(ConstraintFactory f) {
        return f.forEach(Placement.class)
                .filter(p -> p.isPlenary() && p.outsideFixedWindows())
                .penalize(HardSoftScore.ONE_HARD)
                .justifyWith((p, score) -> Breach.of(ConflictCode.PLENARY_OUTSIDE_SLOTS, p))
                .asConstraint("plenary_outside_slots");
    }

    Constraint eventDates(ConstraintFactory f) {
        return f.forEach(Placement.class)
                .filter(Placement::outsideEventDays)
                .penalize(HardSoftScore.ONE_HARD)
                .justifyWith((p, score) -> Breach.of(ConflictCode.OUTSIDE_EVENT_DATES, p))
                .asConstraint("outside_event_dates");
    }

    Constraint openingHours(ConstraintFactory f) {
        return f.forEach(Placement.class)
                .filter(Placement::outsideOpeningHours)
                .penalize(HardSoftScore.ONE_HARD)
                .justifyWith((p, score) -> Breach.of(ConflictCode.OUTSIDE_VENUE_HOURS, p))
                .asConstraint("outside_venue_hours");
    }

    Constraint roomUnavailability(ConstraintFactory f) {
        return f.forEach(Placement.class)
                .filter(Placement::inUnavailableRoom)
                .penalize(HardSoftScore.ONE_HARD)
                .justifyWith((p, score) -> Breach.of(ConflictCode.ROOM_UNAVAILABLE, p))
                .asConstraint("room_unavailable");
    }

    Constraint personUnavailability(ConstraintFactory f) {
        return f.forEach(Placement.class)
                .filter(Placement::withUnavailablePerson)
                .penalize(HardSoftScore.ONE_HARD)
                .justifyWith((p, score) -> Breach.of(ConflictCode.PERSON_UNAVAILABLE, p, p.unavailablePersons()))
                .asConstraint("person_unavailable");
    }

    // The four rules of the programme's shape below are hard for the solver, but leave alone what staff placed
    // and kept by hand on both sides (both pinned): no solve could change it, it is their decision, and the
    // editor only warns about it (the "_kept" twins, soft, with the same code).

    /** Nothing runs beside a plenary unless staff allowed that session to. */
    Constraint besidePlenary(ConstraintFactory f) {
        return besidePlenary(f, false);
    }

    Constraint besidePlenaryKept(ConstraintFactory f) {
        return besidePlenary(f, true);
    }

    private static Constraint besidePlenary(ConstraintFactory f, boolean kept) {
        return pairs(f, kept, Joiners.overlapping(Placement::startMinute, Placement::endMinute))
                .filter((a, b) -> a.besidePlenaryWithout(b) && a.bothPinned(b) == kept)
                .penalize(kept ? HardSoftScore.ONE_SOFT : HardSoftScore.ONE_HARD, Placement::overlapQuarters)
                .justifyWith((a, b, score) -> a.isPlenary() ? Breach.ordered(ConflictCode.BESIDE_PLENARY, b, a)
                        : Breach.ordered(ConflictCode.BESIDE_PLENARY, a, b))
                .asConstraint(kept ? "beside_plenary_kept" : "beside_plenary");
    }

    /** Nothing starts, on its day, before the opening plenary (the event's first). */
    Constraint beforeOpeningPlenary(ConstraintFactory f) {
        return beforeOpeningPlenary(f, false);
    }

    Constraint beforeOpeningPlenaryKept(ConstraintFactory f) {
        return beforeOpeningPlenary(f, true);
    }

    private static Constraint beforeOpeningPlenary(ConstraintFactory f, boolean kept) {
        return frame(f.forEach(Placement.class).filter(p -> p.isPlenary() && (!kept || p.isPinned()))
                .ifNotExists(Placement.class, Joiners.greaterThan(Placement::startMinute, Placement::startMinute),
                        Joiners.filtering((opening, q) -> q.isPlenary()))
                .join(sessions(f, kept), Joiners.greaterThan(Placement::startMinute, Placement::startMinute),
                        Joiners.filtering((opening, a) -> !a.isPlenary() && a.sameDay(opening)
                                && a.bothPinned(opening) == kept)), kept, "before_opening_plenary");
    }

    /** Nothing ends, on its day, after the closing plenary (the event's last). */
    Constraint afterClosingPlenary(ConstraintFactory f) {
        return afterClosingPlenary(f, false);
    }

    Constraint afterClosingPlenaryKept(ConstraintFactory f) {
        return afterClosingPlenary(f, true);
    }

    private static Constraint afterClosingPlenary(ConstraintFactory f, boolean kept) {
        return frame(f.forEach(Placement.class).filter(p -> p.isPlenary() && (!kept || p.isPinned()))
                .ifNotExists(Placement.class, Joiners.lessThan(Placement::endMinute, Placement::endMinute),
                        Joiners.filtering((closing, q) -> q.isPlenary()))
                .join(sessions(f, kept), Joiners.lessThan(Placement::endMinute, Placement::endMinute),
                        Joiners.filtering((closing, a) -> !a.isPlenary() && a.sameDay(closing)
                                && a.bothPinned(closing) == kept)), kept, "after_closing_plenary");
    }

    /**
     * Each pair of sessions once; for a "kept" twin only pinned sessions on both sides, chosen before the join
     * so that the twin costs nothing while the solver moves the others.
     */
    private static BiConstraintStream<Placement, Placement> pairs(ConstraintFactory f, boolean kept,
                                                                  BiJoiner<Placement, Placement> joiner) {
        if (!kept) {
            return f.forEachUniquePair(Placement.class, joiner);
        }
        return f.forEach(Placement.class).filter(Placement::isPinned)
                .join(f.forEach(Placement.class).filter(Placement::isPinned),
                        Joiners.lessThan(Placement::getSessionId), joiner);
    }

    private static UniConstraintStream<Placement> sessions(ConstraintFactory f, boolean kept) {
        return kept ? f.forEach(Placement.class).filter(Placement::isPinned) : f.forEach(Placement.class);
    }

    private static Constraint frame(BiConstraintStream<Placement, Placement> plenaryAndSession, boolean kept,
                                    String name) {
        return plenaryAndSession
                .penalize(kept ? HardSoftScore.ONE_SOFT : HardSoftScore.ONE_HARD)
                .justifyWith((plenary, s, score) -> Breach.ordered(ConflictCode.OUTSIDE_PLENARY_FRAME, s, plenary))
                .asConstraint(kept ? name + "_kept" : name);
    }

    /** The sessions of one series run in their order. */
    Constraint seriesOrder(ConstraintFactory f) {
        return seriesOrder(f, false);
    }

    Constraint seriesOrderKept(ConstraintFactory f) {
        return seriesOrder(f, true);
    }

    private static Constraint seriesOrder(ConstraintFactory f, boolean kept) {
        return inSeries(f, kept).join(inSeries(f, kept), Joiners.lessThan(Placement::getSessionId),
                        Joiners.equal(Placement::getSeries))
                .filter((a, b) -> a.outOfSeriesOrderWith(b) && a.bothPinned(b) == kept)
                .penalize(kept ? HardSoftScore.ONE_SOFT : HardSoftScore.ONE_HARD)
                .justifyWith((a, b, score) -> a.earlierInSeries(b) == a
                        ? Breach.ordered(ConflictCode.SERIES_OUT_OF_ORDER, a, b)
                        : Breach.ordered(ConflictCode.SERIES_OUT_OF_ORDER, b, a))
                .asConstraint(kept ? "series_out_of_order_kept" : "series_out_of_order");
    }

    private static UniConstraintStream<Placement> inSeries(ConstraintFactory f, boolean kept) {
        return f.forEach(Placement.class).filter(p -> p.getSeries() != null && (!kept || p.isPinned()));
    }

    // ---- soft

    Constraint samePoleParallel(ConstraintFactory f) {
        return f.forEachUniquePair(Placement.class, Joiners.overlapping(Placement::startMinute, Placement::endMinute))
                .filter(Placement::sharesThemeWith)
                .penalize(HardSoftScore.ofSoft(10), Placement::overlapQuarters)
                .justifyWith((a, b, score) -> Breach.pair(ConflictCode.SAME_POLE_PARALLEL, a, b))
                .asConstraint("same_pole_parallel");
    }

    /**
     * A person going from one room to another needs the pause between the two sessions: both stretched by the
     * pause then overlap. Per person, as light as a theme overlap of a quarter hour.
     */
    Constraint personPause(ConstraintFactory f) {
        return f.forEachUniquePair(Placement.class,
                        Joiners.overlapping(Placement::startMinute, Placement::endMinuteWithPause))
                .filter(Placement::withoutPauseFrom)
                .penalize(HardSoftScore.ofSoft(10), Placement::sharedPersonCount)
                .justifyWith((a, b, score) -> Breach.pair(ConflictCode.PERSON_NO_PAUSE, a, b, a.sharedPersons(b)))
                .asConstraint("person_no_pause");
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
                .justifyWith((p, score) -> Breach.of(ConflictCode.PERSON_IN_MEETING, p, p.personsInMeeting()))
                .asConstraint("person_in_meeting");
    }
}
