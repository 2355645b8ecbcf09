package fr.cuf.rencontres.schedule.solver;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import fr.cuf.rencontres.schedule.SessionKind;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A session to place: the solver chooses its cell (start and room) among its own candidates, the cells where
 * it breaks no rule about itself alone (see {@link Candidates}). Sessions staff did not pick are pinned
 * where they are. Everything else is fixed data the rules read; the domain answers their questions
 * ({@link #overlaps}, {@link #sharesPersonWith}…).
 */
@PlanningEntity(difficultyComparatorClass = PlacementDifficulty.class)
public class Placement {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @PlanningId
    private Long sessionId;
    private String title;
    private SessionKind kind;
    private int minutes;
    private Set<Long> persons;
    private Set<String> themes;
    /** Expected audience: must fit the room. */
    private int audience;
    /** Interest used to share big rooms: registrations' choices when there are some, else the audience. */
    private int interest;
    private boolean interpretation;
    private boolean videoLink;
    /** Windows it must fit in (briefing blocks, plenary slots); empty: anywhere. */
    private List<Span> fixedWindows;
    /** The venue's opening hours on each day of the event; empty: no limit. */
    private List<Span> openingHours;
    /** When one of its people is unavailable. */
    private List<Span> personOff;
    /** Registrations that chose both this session and another one, by the other's id. */
    private Map<Long, Integer> sharedAttendees;
    /** Where the latest published version had it (null: not published). */
    private Long publishedStart;
    private Long publishedRoomId;

    /** Series and rank (sessions of one series run in order); null: in none. */
    private String series;
    private Integer seriesOrder;
    /** Staff let it run beside a plenary. */
    private boolean besidePlenary;
    /** When one of its people chairs a group meeting staff accepted: avoided, not refused. */
    private List<Span> meetingHolds = List.of();

    @PlanningPin
    private boolean pinned;

    /** The cells this session may take; never empty for a free session. */
    @ValueRangeProvider
    private List<Cell> candidates = List.of();

    @PlanningVariable
    private Cell cell;

    public Placement() {
    }

    public Placement(Long sessionId, String title, SessionKind kind, int minutes, Set<Long> persons, Set<String> themes,
                     int audience, int interest, boolean interpretation, boolean videoLink, List<Span> fixedWindows,
                     List<Span> openingHours, List<Span> personOff, Map<Long, Integer> sharedAttendees,
                     Long publishedStart, Long publishedRoomId, boolean pinned, Start start, PlanRoom room) {
        this.sessionId = sessionId;
        this.title = title;
        this.kind = kind;
        this.minutes = minutes;
        this.persons = persons;
        this.themes = themes;
        this.audience = audience;
        this.interest = interest;
        this.interpretation = interpretation;
        this.videoLink = videoLink;
        this.fixedWindows = fixedWindows;
        this.openingHours = openingHours;
        this.personOff = personOff;
        this.sharedAttendees = sharedAttendees;
        this.publishedStart = publishedStart;
        this.publishedRoomId = publishedRoomId;
        this.pinned = pinned;
        this.cell = start == null || room == null ? null : new Cell(start, room);
    }

    public long startMinute() {
        return cell.start().minute();
    }

    public long endMinute() {
        return cell.start().minute() + minutes;
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

    public int sharedPersonCount(Placement other) {
        int n = 0;
        for (Long p : persons) {
            if (other.persons.contains(p)) {
                n++;
            }
        }
        return n;
    }

    public boolean sharesPersonWith(Placement other) {
        return sharedPersonCount(other) > 0;
    }

    public boolean sharesThemeWith(Placement other) {
        for (String t : themes) {
            if (other.themes.contains(t)) {
                return true;
            }
        }
        return false;
    }

    public int sharedAttendeesWith(Placement other) {
        return sharedAttendees.getOrDefault(other.sessionId, 0);
    }

    public boolean lacksEquipment() {
        return (interpretation && !getRoom().interpretation()) || (videoLink && !getRoom().videoLink());
    }

    public int overCapacity() {
        return Math.max(0, audience - getRoom().capacity());
    }

    public boolean outsideFixedWindows() {
        return !fixedWindows.isEmpty() && !Span.anyContains(fixedWindows, startMinute(), endMinute());
    }

    public boolean outsideOpeningHours() {
        return !openingHours.isEmpty() && !Span.anyContains(openingHours, startMinute(), endMinute());
    }

    public boolean inUnavailableRoom() {
        return Span.anyOverlaps(getRoom().unavailable(), startMinute(), endMinute());
    }

    public boolean withUnavailablePerson() {
        return Span.anyOverlaps(personOff, startMinute(), endMinute());
    }

    /** 2 when moved to another time, 1 when only given another room, 0 when where it was published. */
    public int distanceFromPublished() {
        if (publishedStart == null) {
            return 0;
        }
        return publishedStart != startMinute() ? 2 : publishedRoomId != null && publishedRoomId != roomId() ? 1 : 0;
    }

    /** Its place in the shape of the programme, and its people's group meetings (set after construction). */
    public Placement shaped(String series, Integer seriesOrder, boolean besidePlenary, List<Span> meetingHolds) {
        this.series = series;
        this.seriesOrder = seriesOrder;
        this.besidePlenary = besidePlenary;
        this.meetingHolds = meetingHolds;
        return this;
    }

    public boolean isPlenary() {
        return kind == SessionKind.PLENARY;
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
        return !notPlenary.besidePlenary;
    }

    /** Both in one series and the later-ranked one starts before the earlier has ended. */
    public boolean outOfSeriesOrderWith(Placement other) {
        if (series == null || seriesOrder == null || other.seriesOrder == null || !series.equals(other.series)
                || seriesOrder.equals(other.seriesOrder)) {
            return false;
        }
        Placement first = seriesOrder < other.seriesOrder ? this : other;
        Placement second = first == this ? other : this;
        return second.startMinute() < first.endMinute();
    }

    public boolean inPersonMeeting() {
        return Span.anyOverlaps(meetingHolds, startMinute(), endMinute());
    }

    public String getSeries() {
        return series;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public String getTitle() {
        return title;
    }

    public SessionKind getKind() {
        return kind;
    }

    public int getMinutes() {
        return minutes;
    }

    public int getInterest() {
        return interest;
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
        return audience;
    }

    Set<Long> getPersons() {
        return persons;
    }

    boolean needsInterpretation() {
        return interpretation;
    }

    boolean needsVideoLink() {
        return videoLink;
    }

    List<Span> getFixedWindows() {
        return fixedWindows;
    }

    List<Span> getOpeningHours() {
        return openingHours;
    }

    List<Span> getPersonOff() {
        return personOff;
    }

    @Override
    public String toString() {
        return title;
    }
}
