package dev.o365connector.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.o365connector.contracts.token.AccessTokenRequest;
import dev.o365connector.contracts.token.InstallationAccess;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * auth-service answers the gateway's token requests with the contracts' records themselves, not
 * copies of them, so the payload contracts' {@code AccessTokenContractTest} pins is the one it
 * reads and writes.
 */
class AccessTokenResourceContractTest {

  @Test
  void theEndpointReadsAndAnswersTheContractRecords() throws Exception {
    Method endpoint =
        AccessTokenResource.class.getMethod("issue", UUID.class, AccessTokenRequest.class);
    Path path = AccessTokenResource.class.getAnnotation(Path.class);

    assertThat(path.value()).isEqualTo("/installations/{id}/access-token");
    assertThat(endpoint.getAnnotation(POST.class)).isNotNull();
    assertThat(((ParameterizedType) endpoint.getGenericReturnType()).getActualTypeArguments())
        .containsExactly(InstallationAccess.class);
  }
}
