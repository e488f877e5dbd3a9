package dev.o365connector.auth.consent;

import dev.o365connector.contracts.installation.InstallationType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One consent URL's state, stored as its SHA-256 only; single use, short-lived. */
@Entity
@Table(name = "consent_state")
public class ConsentState {

  @Id
  @Column(name = "state_hash")
  public byte[] stateHash;

  @Column(name = "installation_id", nullable = false)
  public UUID installationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public InstallationType type;

  /**
   * DELEGATED: the tenant segment the authorize request used ({@code organizations} or a tenant).
   */
  public String authority;

  /** DELEGATED: the PKCE verifier, Tink ciphertext bound to the installation id. */
  @Column(name = "code_verifier")
  public byte[] codeVerifier;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  public Instant expiresAt;

  @Column(name = "used_at")
  public Instant usedAt;
}
