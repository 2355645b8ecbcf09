package fr.cuf.rencontres.demo;

import fr.cuf.rencontres.group.GroupForm;
import fr.cuf.rencontres.group.GroupKind;
import fr.cuf.rencontres.group.GroupService;
import fr.cuf.rencontres.group.Pole;
import fr.cuf.rencontres.member.OrganisationForm;
import fr.cuf.rencontres.member.OrganisationKind;
import fr.cuf.rencontres.member.OrganisationService;
import fr.cuf.rencontres.member.Person;
import fr.cuf.rencontres.member.PersonRepository;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVRecord;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static fr.cuf.rencontres.demo.DemoCsv.flag;
import static fr.cuf.rencontres.demo.DemoCsv.list;
import static fr.cuf.rencontres.demo.DemoCsv.read;
import static fr.cuf.rencontres.demo.DemoCsv.text;

/** The demo's organisations with their memberships, the people working there, and the groups they chair. */
@Singleton
class DemoDirectory {

    private static final String ACTOR = "demo";

    private final OrganisationService organisations;
    private final PersonRepository persons;
    private final GroupService groups;

    DemoDirectory(OrganisationService organisations, PersonRepository persons, GroupService groups) {
        this.organisations = organisations;
        this.persons = persons;
        this.groups = groups;
    }

    /** Ids by key in the files: organisations and persons by their key, groups by their slug. */
    record Ids(Map<String, Long> organisations, Map<String, Long> persons, Map<String, Long> groups) {
    }

    /** @param yearsMoved how far the editions moved: memberships follow them */
    Ids load(int yearsMoved, Instant now) {
        Map<String, Long> organisationIds = loadOrganisations(yearsMoved);
        Map<String, Long> personIds = loadPersons(organisationIds, now);
        return new Ids(organisationIds, personIds, loadGroups(personIds));
    }

    private Map<String, Long> loadOrganisations(int yearsMoved) {
        Map<String, Long> ids = new HashMap<>();
        for (CSVRecord row : read("organisations.csv")) {
            long id = organisations.create(new OrganisationForm(text(row, "name"),
                    OrganisationKind.valueOf(row.get("kind")), text(row, "country"), text(row, "siren"),
                    text(row, "insee_code"), text(row, "address_line"), text(row, "postal_code"),
                    text(row, "city")), ACTOR).id();
            ids.put(row.get("key"), id);
            for (String year : list(row, "member_years")) {
                organisations.addMembership(id, Integer.parseInt(year) + yearsMoved, ACTOR);
            }
        }
        return ids;
    }

    private Map<String, Long> loadPersons(Map<String, Long> organisationIds, Instant now) {
        Map<String, Long> ids = new HashMap<>();
        for (CSVRecord row : read("persons.csv")) {
            Person saved = persons.save(new Person(null, row.get("first_name"), row.get("last_name"),
                    text(row, "function_title"), text(row, "email"), null,
                    organisationIds.get(text(row, "organisation_key")), flag(row, "elected_official"), now, now, null));
            ids.put(row.get("key"), saved.id());
        }
        return ids;
    }

    private Map<String, Long> loadGroups(Map<String, Long> personIds) {
        Map<String, Long> ids = new HashMap<>();
        for (CSVRecord row : read("groups.csv")) {
            String pole = text(row, "pole");
            long id = groups.create(new GroupForm(row.get("name"), row.get("slug"), GroupKind.valueOf(row.get("kind")),
                    pole == null ? null : Pole.valueOf(pole), personIds.get(text(row, "chair_person_key")),
                    text(row, "description"), flag(row, "members_only")), ACTOR).id();
            ids.put(row.get("slug"), id);
        }
        return ids;
    }
}
