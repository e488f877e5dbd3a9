package dev.o365connector.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.contracts.token.AccessTokenRequest;
import dev.o365connector.contracts.token.InstallationAccess;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The gateway asks auth-service for tokens with the contracts' records themselves, not copies of
 * them, so the payload contracts' {@code AccessTokenContractTest} pins is the one it sends and
 * reads.
 */
class AuthServiceContractTest {

  @Test
  void theRestClientSendsAndReadsTheContractRecords() throws Exception {
    Method issue =
        AuthServiceRestClient.class.getDeclaredMethod(
            "issue", String.class, AccessTokenRequest.class);

    assertThat(AuthServiceRestClient.class.getAnnotation(Path.class).value())
        .isEqualTo("/installations/{id}/access-token");
    assertThat(issue.isAnnotationPresent(POST.class)).isTrue();
    ParameterizedType answer = (ParameterizedType) issue.getGenericReturnType();
    assertThat(Arrays.asList(answer.getActualTypeArguments()))
        .containsExactly(InstallationAccess.class);
  }
}
