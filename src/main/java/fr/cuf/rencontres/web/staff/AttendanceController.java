package fr.cuf.rencontres.web.staff;

import fr.cuf.rencontres.checkin.Attendance;
import fr.cuf.rencontres.checkin.AttendanceSheets;
import fr.cuf.rencontres.staff.Role;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.View;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Attendance of an event for staff: the live view, and the attendance sheets as CSV and PDF. */
@Controller("/staff/events/{slug}/attendance")
@Secured(Role.STAFF)
class AttendanceController {

    private final Attendance attendance;
    private final AttendanceSheets sheets;
    private final Clock clock;

    AttendanceController(Attendance attendance, AttendanceSheets sheets, Clock clock) {
        this.attendance = attendance;
        this.sheets = sheets;
        this.clock = clock;
    }

    /** A bar of the occupancy for the page: its width out of 200 and its colour, plus the figures. */
    record Bar(Attendance.SessionLine line, int width, String colour, String level) {
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    @View("staff/attendance")
    Map<String, Object> live(@PathVariable String slug) {
        Attendance.Live live = attendance.live(slug);
        List<Bar> bars = live.sessions().stream().map(line -> {
            int percent = line.percent();
            String level = percent < 0 ? "unknown" : percent > 100 ? "over" : percent >= 80 ? "high" : "ok";
            String colour = switch (level) {
                case "over" -> "#b71c1c";
                case "high" -> "#e65100";
                default -> "#2e7d32";
            };
            return new Bar(line, percent < 0 ? 0 : Math.min(200, percent * 2), colour, level);
        }).toList();
        // the page reloads itself every 20 s (a meta refresh: no script), and says when it was read
        return Map.of("live", live, "bars", bars, "slug", slug,
                "notArrivedCount", live.notArrived().size(), "refreshedAt", clock.instant());
    }

    // the sheets list names and organisations for funders: the desk's and organisers' work, not the door's
    @Get("/sheet.csv")
    @Produces("text/csv")
    @Secured({"ADMIN", "PROGRAMME", "REGISTRATION_DESK"})
    HttpResponse<byte[]> csv(@PathVariable String slug, @QueryValue String list) {
        return HttpResponse.ok(sheets.csv(attendance.sheet(slug, list)))
                .contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"emargement-" + file(slug, list) + ".csv\"");
    }

    @Get("/sheet.pdf")
    @Produces("application/pdf")
    @Secured({"ADMIN", "PROGRAMME", "REGISTRATION_DESK"})
    HttpResponse<byte[]> pdf(@PathVariable String slug, @QueryValue String list) {
        return HttpResponse.ok(sheets.pdf(attendance.sheet(slug, list))).contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"emargement-" + file(slug, list) + ".pdf\"");
    }

    private static String file(String slug, String list) {
        return (slug + "-" + list).replaceAll("[^A-Za-z0-9-]", "-");
    }
}
