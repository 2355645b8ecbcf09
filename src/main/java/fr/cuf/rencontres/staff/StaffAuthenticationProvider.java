package fr.cuf.rencontres.staff;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * Checks staff credentials of the sign-in form (on a blocking thread) through {@link SignIn}: throttle, lock-out
 * and audit. HTTP Basic is off: the API takes API tokens ({@link ApiTokens}). A refusal carries its code as
 * message, which the sign-in page shows (web.site.SignInAnswers).
 * <p>
 * An account with a second factor: the right password yields an authentication marked {@value SignIn#SECOND_STEP},
 * which the sign-in answer turns into a code page, never into a session.
 */
@Singleton
class StaffAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {


    private final SignIn signIn;
    private final HttpClientAddressResolver addresses;

    StaffAuthenticationProvider(SignIn signIn, HttpClientAddressResolver addresses) {
        this.signIn = signIn;
        this.addresses = addresses;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> credentials) {
        SignIn.Outcome outcome = signIn.attempt(credentials.getIdentity(), credentials.getSecret(),
                String.valueOf(addresses.resolve(request)));
        if (outcome.secondStep()) {
            Authentication a = outcome.authentication().orElseThrow();
            Map<String, Object> attributes = new HashMap<>(a.getAttributes());
            attributes.put(SignIn.SECOND_STEP, true);
            return AuthenticationResponse.success(a.getName(), a.getRoles(), attributes);
        }
        return outcome.authentication()
                .map(a -> AuthenticationResponse.success(a.getName(), a.getRoles(), a.getAttributes()))
                .orElseGet(() -> AuthenticationResponse.failure(outcome.code()));
    }
}
