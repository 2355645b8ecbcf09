package fr.cuf.rencontres.api;

import fr.cuf.rencontres.http.ApiError;
import fr.cuf.rencontres.group.GroupForm;
import fr.cuf.rencontres.group.GroupKind;
import fr.cuf.rencontres.group.GroupService;
import fr.cuf.rencontres.support.DatabaseTest;
import fr.cuf.rencontres.support.TestDatabase;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DatabaseTest
@Property(name = "rencontres.clock.fixed", value = "2026-05-01T10:00:00+02:00")
class GroupsApiTest {

    @Inject @Client("/") HttpClient client;
    @Inject DataSource dataSource;
    @Inject ApiData data;
    @Inject GroupService groups;

    @BeforeEach
    void load() {
        TestDatabase.clean(dataSource);
        data.load();
        groups.create(new GroupForm("Climat", null, GroupKind.THEMATIC, null, null, null, false), "test");
    }

    @Test
    void lists_every_group_by_name_with_its_pole_kind_and_chair() {
        List<GroupJson> list = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/groups"),
                Argument.listOf(GroupJson.class));
        assertEquals(List.of("climat", "groupe-pays-maroc"), list.stream().map(GroupJson::slug).toList());
        GroupJson climat = list.get(0);
        assertEquals(GroupKind.THEMATIC, climat.kind());
        assertNull(climat.pole());
        assertNull(climat.chair());
        GroupJson maroc = list.get(1);
        assertEquals("MEDITERRANEE", maroc.pole().name());
        assertEquals(new GroupJson.ChairJson("François Bonneau", "Président de la Région Centre-Val de Loire",
                "Ville de Dijon"), maroc.chair());
    }

    @Test
    void one_group_comes_with_its_public_meetings() {
        data.draft("brouillon-maroc");
        GroupDetailJson maroc = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/groups/groupe-pays-maroc"),
                GroupDetailJson.class);
        assertEquals("Groupe-pays Maroc", maroc.name());
        assertEquals("Réunit les collectivités engagées.", maroc.description());
        assertEquals("François Bonneau", maroc.chair().name());
        assertEquals(List.of("groupe-maroc-2026-05-18"), maroc.meetings().stream().map(EventJson::slug).toList());
    }

    @Test
    void an_unknown_group_is_a_json_404() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/v1/groups/atlantide")
                        .header("Accept-Language", "en"), String.class));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        ApiError error = e.getResponse().getBody(ApiError.class).orElseThrow();
        assertEquals("group_not_found", error.code());
        assertEquals("Group not found.", error.message());
    }
}
