package dev.o365connector.auth.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/** One installation's tokens as stored: Tink ciphertext with the installation id as AD. */
@Entity
@Table(name = "stored_token")
// Only changed columns are written, so flushing a loaded row cannot undo a concurrent touch.
@DynamicUpdate
class StoredToken {

  @Id
  @Column(name = "installation_id")
  public UUID installationId;

  @Column(name = "refresh_token")
  public byte[] refreshToken;

  @Column(name = "access_token")
  public byte[] accessToken;

  @Column(name = "access_token_expires_at")
  public Instant accessTokenExpiresAt;

  /** Space-separated, as in an OAuth scope string. */
  @Column(name = "granted_scopes", nullable = false)
  public String grantedScopes = "";

  @Column(name = "refreshed_at")
  public Instant refreshedAt;

  @Column(name = "last_used_at")
  public Instant lastUsedAt;

  @Version public long version;
}
