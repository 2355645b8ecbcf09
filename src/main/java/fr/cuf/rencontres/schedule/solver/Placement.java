package fr.cuf.rencontres.schedule.solver;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import fr.cuf.rencontres.schedule.Equipment;
import fr.cuf.rencontres.schedule.SessionKind;
import fr.cuf.rencontres.schedule.SessionShape;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A session to place: the solver chooses its cell (start and room) among its own candidates (see
 * {@link Candidates}). Sessions staff did not pick are pinned where they are. Everything else is fixed data the
 * rules read; the domain answers their questions, each written once here: the constraints ask them of the
 * current cell, the candidate filter of a cell it considers ({@link #outsideOpeningHours(long, long)}…).
 */
@PlanningEntity(difficultyComparatorClass = PlacementDifficulty.class)
public class Placement {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** What the session is: its people (chair, speakers) and its theme keys ("pole:AFRIQUE"). */
    public record About(Long sessionId, String title, SessionKind kind, int minutes, Set<Long> persons,
                        Set<String> themes) {
    }

    /**
     * What it asks of a room and of the programme.
     *
     * @param audience        expected audience: must fit the room
     * @param interest        used to share big rooms: registrations' choices when there are some, else the audience
     * @param sharedAttendees registrations that chose both this session and another one, by the other's id
     * @param shape           its series and rank, and whether staff let it run beside a plenary
     */
    public record Needs(int audience, int interest, boolean interpretation, boolean videoLink,
                        Map<Long, Integer> sharedAttendees, SessionShape shape) {
    }

    /**
     * When it may run, in epoch minutes.
     *
     * @param fixedWindows windows it must fit in (briefing blocks, plenary slots); empty: anywhere
     * @param openingHours the venue's opening hours on each day concerned; empty: no limit
     * @param eventDays    from the first day of the event at midnight to the day after the last one (Paris)
     * @param personOff    when each of its people is unavailable
     * @param meetingHolds when each of its people chairs a group meeting staff accepted: avoided, not refused
     * @param pause        minutes a person needs between two sessions in different rooms
     */
    public record Bounds(List<Span> fixedWindows, List<Span> openingHours, Span eventDays,
                         Map<Long, List<Span>> personOff, Map<Long, List<Span>> meetingHolds, long pause) {
    }

    /** Where the latest published version had it. */
    public record Published(long start, @Nullable Long roomId) {
    }

    @PlanningId
    private Long sessionId;
    private About about;
    private Needs needs;
    private Bounds bounds;
    private Published published;

    @PlanningPin
    private boolean pinned;

    /** The cells this session may take; never empty for a free session. */
    @ValueRangeProvider
    private List<Cell> candidates = List.of();

    @PlanningVariable
    private Cell cell;

    public Placement() {
    }

    public Placement(About about, Needs needs, Bounds bounds, @Nullable Published published, boolean pinned,
                     @Nullable Cell cell) {
        this.sessionId = about.sessionId();
        this.about = about;
        this.needs = needs;
        this.bounds = bounds;
        this.published = published;
        this.pinned = pinned;
        this.cell = cell;
    }

    public long startMinute() {
        return cell.start().minute();
    }

    public long endMinute() {
        return cell.start().minute() + about.minutes();
    }

    /** The room's id, what the room rule joins on (cheaper to hash than the room). */
    public long roomId() {
        return cell.room().id();
    }

    public boolean overlaps(Placement other) {
        return startMinute() < other.endMinute() && other.startMinute() < endMinute();
    }

    /** Overlap in quarter hours (at least 1 when they overlap), the unit of time-based penalties. */
    public int overlapQuarters(Placement other) {
        long from = Math.max(startMinute(), other.startMinute());
        long to = Math.min(endMinute(), other.endMinute());
        return to <= from ? 0 : (int) Math.max(1, (to - from) / 15);
    }

    /** The people of both, in id order. */
    public List<Long> sharedPersons(Placement other) {
        List<Long> shared = new ArrayList<>();
        for (Long p : new TreeSet<>(about.persons())) {
            if (other.about.persons().contains(p)) {
                shared.add(p);
            }
        }
        return shared;
    }

    public int sharedPersonCount(Placement other) {
        int n = 0;
        for (Long p : about.persons()) {
            if (other.about.persons().contains(p)) {
                n++;
            }
        }
        return n;
    }

    public boolean sharesPersonWith(Placement other) {
        return sharedPersonCount(other) > 0;
    }

    /**
     * The end of the earlier plus the pause, as the pause rule's join reads it: two sessions closer than the
     * pause overlap once both are stretched by it.
     */
    public long endMinuteWithPause() {
        return endMinute() + bounds.pause();
    }

    /** A person in both, at different times, in different rooms, with less than the pause between them. */
    public boolean withoutPauseFrom(Placement other) {
        return !overlaps(other) && roomId() != other.roomId() && sharesPersonWith(other);
    }

    public boolean sharesThemeWith(Placement other) {
        for (String t : about.themes()) {
            if (other.about.themes().contains(t)) {
                return true;
            }
        }
        return false;
    }

    public int sharedAttendeesWith(Placement other) {
        return needs.sharedAttendees().getOrDefault(other.sessionId, 0);
    }

    /** What the room lacks of what the session needs (interpretation first). */
    public List<Equipment> missingEquipment(PlanRoom room) {
        List<Equipment> missing = new ArrayList<>(2);
        if (needs.interpretation() && !room.interpretation()) {
            missing.add(Equipment.INTERPRETATION);
        }
        if (needs.videoLink() && !room.videoLink()) {
            missing.add(Equipment.VIDEO_LINK);
        }
        return missing;
    }

    public List<Equipment> missingEquipment() {
        return missingEquipment(getRoom());
    }

    public boolean lacksEquipment(PlanRoom room) {
        return !missingEquipment(room).isEmpty();
    }

    public boolean lacksEquipment() {
        return lacksEquipment(getRoom());
    }

    public int overCapacity(PlanRoom room) {
        return Math.max(0, needs.audience() - room.capacity());
    }

    public int overCapacity() {
        return overCapacity(getRoom());
    }

    public boolean outsideFixedWindows(long start, long end) {
        return !bounds.fixedWindows().isEmpty() && !Span.anyContains(bounds.fixedWindows(), start, end);
    }

    public boolean outsideFixedWindows() {
        return outsideFixedWindows(startMinute(), endMinute());
    }

    /** Outside the event's days (on its first day from midnight, up to the end of its last one). */
    public boolean outsideEventDays(long start, long end) {
        return start < bounds.eventDays().from() || end >= bounds.eventDays().to();
    }

    public boolean outsideEventDays() {
        return outsideEventDays(startMinute(), endMinute());
    }

    /** Not inside the venue's opening hours of one day (when the venue has hours). */
    public boolean outsideOpeningHours(long start, long end) {
        return !bounds.openingHours().isEmpty() && !Span.anyContains(bounds.openingHours(), start, end);
    }

    public boolean outsideOpeningHours() {
        return outsideOpeningHours(startMinute(), endMinute());
    }

    public boolean inUnavailableRoom(PlanRoom room, long start, long end) {
        return Span.anyOverlaps(room.unavailable(), start, end);
    }

    public boolean inUnavailableRoom() {
        return inUnavailableRoom(getRoom(), startMinute(), endMinute());
    }

    /** Its people unavailable between start and end, in id order. */
    public List<Long> unavailablePersons(long start, long end) {
        return personsBusy(bounds.personOff(), start, end);
    }

    public List<Long> unavailablePersons() {
        return unavailablePersons(startMinute(), endMinute());
    }

    public boolean withUnavailablePerson(long start, long end) {
        return !unavailablePersons(start, end).isEmpty();
    }

    public boolean withUnavailablePerson() {
        return withUnavailablePerson(startMinute(), endMinute());
    }

    /** Its people holding an accepted group meeting then, in id order. */
    public List<Long> personsInMeeting() {
        return personsBusy(bounds.meetingHolds(), startMinute(), endMinute());
    }

    public boolean inPersonMeeting() {
        return !personsInMeeting().isEmpty();
    }

    private static List<Long> personsBusy(Map<Long, List<Span>> byPerson, long start, long end) {
        List<Long> busy = new ArrayList<>();
        for (Long person : new TreeSet<>(byPerson.keySet())) {
            if (Span.anyOverlaps(byPerson.get(person), start, end)) {
                busy.add(person);
            }
        }
        return busy;
    }

    /** 2 when moved to another time, 1 when only given another room, 0 when where it was published. */
    public int distanceFromPublished() {
        if (published == null) {
            return 0;
        }
        return published.start() != startMinute() ? 2
                : published.roomId() != null && published.roomId() != roomId() ? 1 : 0;
    }

    public boolean isPlenary() {
        return about.kind() == SessionKind.PLENARY;
    }

    public boolean isBriefing() {
        return about.kind() == SessionKind.COUNTRY_BRIEFING;
    }

    /** The Paris day it starts on, as an epoch day (day boundaries are local, not UTC). */
    public long day() {
        return Instant.ofEpochSecond(startMinute() * 60).atZone(PARIS).toLocalDate().toEpochDay();
    }

    public boolean sameDay(Placement other) {
        return day() == other.day();
    }

    /** Of two overlapping sessions, one a plenary and the other not allowed beside one. */
    public boolean besidePlenaryWithout(Placement other) {
        if (isPlenary() == other.isPlenary()) {
            return false;
        }
        Placement notPlenary = isPlenary() ? other : this;
        return !notPlenary.needs.shape().besidePlenary();
    }

    /** Of this one and {@code other}, the one ranked first in their series. */
    public Placement earlierInSeries(Placement other) {
        return needs.shape().comesBefore(other.needs.shape()) ? this : other;
    }

    /** Both in one series and the later-ranked one starts before the earlier has ended. */
    public boolean outOfSeriesOrderWith(Placement other) {
        SessionShape mine = needs.shape();
        SessionShape theirs = other.needs.shape();
        if (!mine.comesBefore(theirs) && !theirs.comesBefore(mine)) {
            return false;
        }
        Placement first = earlierInSeries(other);
        Placement second = first == this ? other : this;
        return second.startMinute() < first.endMinute();
    }

    /** Staff placed and kept both by hand: the shape rules only warn then, no solve could change it. */
    public boolean bothPinned(Placement other) {
        return pinned && other.pinned;
    }

    public String getSeries() {
        return needs.shape().series();
    }

    public Long getSessionId() {
        return sessionId;
    }

    public String getTitle() {
        return about.title();
    }

    public SessionKind getKind() {
        return about.kind();
    }

    public int getMinutes() {
        return about.minutes();
    }

    public int getInterest() {
        return needs.interest();
    }

    public boolean isPinned() {
        return pinned;
    }

    public Cell getCell() {
        return cell;
    }

    public void setCell(Cell cell) {
        this.cell = cell;
    }

    /** Null until placed. */
    public Start getStart() {
        return cell == null ? null : cell.start();
    }

    /** Null until placed. */
    public PlanRoom getRoom() {
        return cell == null ? null : cell.room();
    }

    public List<Cell> getCandidates() {
        return candidates;
    }

    public void setCandidates(List<Cell> candidates) {
        this.candidates = candidates;
    }

    int getAudience() {
        return needs.audience();
    }

    Set<Long> getPersons() {
        return about.persons();
    }

    @Override
    public String toString() {
        return about.title();
    }
}
