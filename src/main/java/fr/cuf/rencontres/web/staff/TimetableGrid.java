package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.schedule.Conflict;
import fr.cuf.rencontres.schedule.ConflictTexts;
import fr.cuf.rencontres.schedule.Session;
import fr.cuf.rencontres.schedule.SessionEditor;
import fr.cuf.rencontres.schedule.SessionView;
import fr.cuf.rencontres.schedule.Timetable;
import fr.cuf.rencontres.schedule.TimetableFactsLoader;
import fr.cuf.rencontres.support.Times;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The staff grid as plain maps for the template: per day, one column per room and one row per 15 minutes
 * (CSS grid positions), sessions as blocks carrying their warnings, and the conflict list.
 */
final class TimetableGrid {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final int STEP = SessionEditor.STEP_MINUTES;

    private TimetableGrid() {
    }

    static Map<String, Object> model(Timetable t, ConflictTexts texts, Locale locale) {
        LocalTime from = t.opens() == null ? LocalTime.of(8, 0) : t.opens();
        LocalTime to = t.closes() == null ? LocalTime.of(20, 0) : t.closes();
        for (SessionView v : t.placed()) {
            ZonedDateTime s = Times.paris(v.session().startsAt());
            ZonedDateTime e = Times.paris(v.session().endsAt());
            if (s.toLocalTime().isBefore(from)) {
                from = floor(s.toLocalTime());
            }
            if (e.toLocalDate().equals(s.toLocalDate()) && e.toLocalTime().isAfter(to)) {
                to = e.toLocalTime();
            }
        }
        int rows = (int) Math.ceil((to.toSecondOfDay() - from.toSecondOfDay()) / 60.0 / STEP);
        List<Map<String, Object>> days = new ArrayList<>();
        for (LocalDate date : t.days()) {
            days.add(day(t, date, from, rows, texts, locale));
        }
        List<Map<String, Object>> conflicts = t.conflicts().stream().map(c -> conflict(c, texts, locale)).toList();
        List<String> times = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            times.add(from.plusMinutes((long) r * STEP).format(HM));
        }
        Map<String, Object> m = new HashMap<>();
        m.put("days", days);
        m.put("conflicts", conflicts);
        m.put("hardCount", t.hardConflicts().size());
        m.put("softCount", t.conflicts().size() - t.hardConflicts().size());
        m.put("times", times);
        m.put("unscheduled", t.unscheduled().stream().map(v -> block(t, v, null, 0, null, texts, locale)).toList());
        m.put("cancelled", t.cancelled().stream().map(v -> block(t, v, null, 0, null, texts, locale)).toList());
        m.put("columns", t.rooms().size());
        m.put("live", live(t));
        return m;
    }

    /**
     * What the drag-and-drop script needs to warn before the drop, without a round trip: each session's slot,
     * its audience (expected, or registrations plus waiting list when more) and the registrants it shares with
     * others; each room's name and seats.
     */
    static Map<String, Object> live(Timetable t) {
        Map<String, Object> sessions = new HashMap<>();
        java.util.stream.Stream.concat(t.placed().stream(), t.unscheduled().stream()).forEach(v -> {
            Session s = v.session();
            Map<String, Object> x = new HashMap<>();
            x.put("title", s.title());
            x.put("audience", TimetableFactsLoader.audience(s, (int) (t.taken(s.id()) + t.waiting(s.id()))));
            if (s.isScheduled()) {
                x.put("day", Times.paris(s.startsAt()).toLocalDate().toString());
                x.put("start", Times.paris(s.startsAt()).toLocalTime().toSecondOfDay() / 60);
                x.put("end", Times.paris(s.endsAt()).toLocalTime().toSecondOfDay() / 60);
            }
            x.put("shared", t.shared().getOrDefault(s.id(), Map.of()));
            x.put("taken", t.taken(s.id()));
            if (s.roomId() != null) {
                x.put("room", String.valueOf(s.roomId()));
            }
            sessions.put(String.valueOf(s.id()), x);
        });
        Map<String, Object> rooms = new HashMap<>();
        t.rooms().forEach(r -> rooms.put(String.valueOf(r.id()), Map.of("name", r.name(), "capacity", r.capacity())));
        return Map.of("sessions", sessions, "rooms", rooms);
    }

    private static Map<String, Object> day(Timetable t, LocalDate date, LocalTime from, int rows, ConflictTexts texts,
                                           Locale locale) {
        List<Map<String, Object>> labels = new ArrayList<>();
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            LocalTime time = from.plusMinutes((long) r * STEP);
            labels.add(Map.of("row", r + 2, "label", time.format(HM), "hour", time.getMinute() == 0));
            for (int c = 0; c < t.rooms().size(); c++) {
                cells.add(Map.of("row", r + 2, "col", c + 2, "roomId", t.rooms().get(c).id(), "start", time.format(HM)));
            }
        }
        List<Map<String, Object>> blocks = new ArrayList<>();
        Map<Long, List<Map<String, Object>>> byRoom = new HashMap<>();
        for (SessionView v : t.placed()) {
            Session s = v.session();
            int col = columnOf(t.rooms(), s.roomId());
            if (col < 0 || !Times.paris(s.startsAt()).toLocalDate().equals(date)) {
                continue;
            }
            int start = row(from, Times.paris(s.startsAt()).toLocalTime());
            ZonedDateTime end = Times.paris(s.endsAt());
            int stop = end.toLocalDate().equals(date) ? row(from, end.toLocalTime()) : rows;
            Map<String, Object> b = block(t, v, date, col + 2,
                    new int[]{Math.max(start, 0) + 2, Math.min(Math.max(stop, start + 1), rows) + 2}, texts, locale);
            blocks.add(b);
            byRoom.computeIfAbsent(s.roomId(), k -> new ArrayList<>()).add(b);
        }
        byRoom.values().forEach(TimetableGrid::lanes);
        List<Map<String, Object>> rooms = new ArrayList<>();
        for (int c = 0; c < t.rooms().size(); c++) {
            Room r = t.rooms().get(c);
            rooms.add(Map.of("col", c + 2, "name", r.name(), "capacity", r.capacity(), "id", r.id()));
        }
        return Map.of("date", date, "iso", date.toString(), "labels", labels, "cells", cells, "blocks", blocks,
                "rooms", rooms, "rows", rows);
    }

    private static Map<String, Object> block(Timetable t, SessionView v, LocalDate date, int col, int[] rows,
                                             ConflictTexts texts, Locale locale) {
        Session s = v.session();
        List<Conflict> mine = t.conflictsOf(s.id());
        Map<String, Object> b = new HashMap<>();
        b.put("id", s.id());
        b.put("title", s.title());
        b.put("kind", s.kind());
        b.put("minutes", s.minutes());
        b.put("audience", s.expectedAudience());
        b.put("room", v.room() == null ? null : v.room().name());
        b.put("roomCapacity", v.room() == null ? null : v.room().capacity());
        b.put("chair", v.chair() == null ? null : v.chair().firstName() + " " + v.chair().lastName());
        b.put("taken", t.taken(s.id()));
        b.put("waiting", t.waiting(s.id()));
        // not "time": a key named like a template helper resolves to the helper (issue 15, defect 1)
        if (s.isScheduled()) {
            b.put("slot", Times.paris(s.startsAt()).toLocalTime().format(HM) + "–"
                    + Times.paris(s.endsAt()).toLocalTime().format(HM));
        }
        if (rows != null) {
            b.put("col", col);
            b.put("rowStart", rows[0]);
            b.put("rowEnd", rows[1]);
            b.put("lane", 0);
            b.put("lanes", 1);
        }
        long hard = mine.stream().filter(Conflict::hard).count();
        b.put("warnings", mine.stream().map(c -> conflict(c, texts, locale)).toList());
        b.put("warningCount", mine.size());
        b.put("hardCount", hard);
        b.put("softCount", mine.size() - hard);
        b.put("hard", hard > 0);
        return b;
    }

    /**
     * Side by side, never one under the other: blocks of one room that overlap share its column in lanes.
     * Each cluster of overlapping blocks gets as many lanes as it needs at its busiest.
     */
    static void lanes(List<Map<String, Object>> blocks) {
        List<Map<String, Object>> sorted = new ArrayList<>(blocks);
        sorted.sort(java.util.Comparator.comparingInt((Map<String, Object> b) -> (Integer) b.get("rowStart"))
                .thenComparing(b -> (Long) b.get("id")));
        List<Map<String, Object>> cluster = new ArrayList<>();
        List<Integer> laneEnds = new ArrayList<>();
        int clusterEnd = Integer.MIN_VALUE;
        for (Map<String, Object> b : sorted) {
            int start = (Integer) b.get("rowStart");
            int end = (Integer) b.get("rowEnd");
            if (start >= clusterEnd) {
                closeCluster(cluster, laneEnds.size());
                cluster.clear();
                laneEnds.clear();
            }
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds.get(lane) > start) {
                lane++;
            }
            if (lane == laneEnds.size()) {
                laneEnds.add(end);
            } else {
                laneEnds.set(lane, end);
            }
            b.put("lane", lane);
            cluster.add(b);
            clusterEnd = Math.max(clusterEnd, end);
        }
        closeCluster(cluster, laneEnds.size());
    }

    private static void closeCluster(List<Map<String, Object>> cluster, int lanes) {
        cluster.forEach(b -> b.put("lanes", Math.max(1, lanes)));
    }

    private static Map<String, Object> conflict(Conflict c, ConflictTexts texts, Locale locale) {
        return Map.of("code", c.code(), "hard", c.hard(), "text", texts.text(c, locale), "sessionIds", c.sessionIds(),
                "short", "conflict.short." + c.code());
    }

    private static int columnOf(List<Room> rooms, Long roomId) {
        for (int i = 0; i < rooms.size(); i++) {
            if (rooms.get(i).id().equals(roomId)) {
                return i;
            }
        }
        return -1;
    }

    private static int row(LocalTime from, LocalTime time) {
        return (time.toSecondOfDay() - from.toSecondOfDay()) / 60 / STEP;
    }

    private static LocalTime floor(LocalTime time) {
        return time.withMinute(time.getMinute() / STEP * STEP).withSecond(0).withNano(0);
    }
}
