package fr.cuf.rencontres.demo;

import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.event.RoomForm;
import fr.cuf.rencontres.event.VenueForm;
import fr.cuf.rencontres.event.VenueService;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVRecord;

import java.util.HashMap;
import java.util.Map;

import static fr.cuf.rencontres.demo.DemoCsv.flag;
import static fr.cuf.rencontres.demo.DemoCsv.number;
import static fr.cuf.rencontres.demo.DemoCsv.read;
import static fr.cuf.rencontres.demo.DemoCsv.text;
import static fr.cuf.rencontres.demo.DemoCsv.time;

/** The demo's venues and their rooms. */
@Singleton
class DemoVenues {

    private static final String ACTOR = "demo";

    private final VenueService venues;

    DemoVenues(VenueService venues) {
        this.venues = venues;
    }

    /** Venue ids by key, and room ids by venue id then room name. */
    record Places(Map<String, Long> venueIds, Map<Long, Map<String, Long>> roomIds) {
    }

    Places load() {
        Map<String, Long> venueIds = new HashMap<>();
        for (CSVRecord row : read("venues.csv")) {
            venueIds.put(row.get("key"), venues.create(new VenueForm(row.get("name"), text(row, "address_line"),
                    text(row, "postal_code"), row.get("city"), row.get("country"), time(row, "opening_time"),
                    time(row, "closing_time")), ACTOR).id());
        }
        Map<Long, Map<String, Long>> rooms = new HashMap<>();
        for (CSVRecord row : read("rooms.csv")) {
            Room room = venues.addRoom(venueIds.get(row.get("venue_key")), new RoomForm(row.get("name"),
                    number(row, "capacity"), flag(row, "interpretation_booths"), flag(row, "video_link"),
                    flag(row, "stage"), flag(row, "b2b_tables")), ACTOR);
            rooms.computeIfAbsent(room.venueId(), k -> new HashMap<>()).put(room.name(), room.id());
        }
        return new Places(venueIds, rooms);
    }
}
