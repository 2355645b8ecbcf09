package fr.cuf.rencontres.staff;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

/** Checks staff credentials for the login form and for HTTP Basic on the API (on a blocking thread). */
@Singleton
class StaffAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final StaffDirectory directory;

    StaffAuthenticationProvider(StaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> credentials) {
        return directory.authenticate(credentials.getIdentity(), credentials.getSecret())
                .map(a -> AuthenticationResponse.success(a.getName(), a.getRoles(), a.getAttributes()))
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
