package dev.o365connector.auth.lifecycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One installation event waiting in the outbox to be sent to Kafka. */
@Entity
@Table(name = "installation_outbox")
class OutboxEntry {

  /** Outbox order: per installation, the order its status changes committed. */
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** The record's key. */
  @Column(name = "installation_id", nullable = false)
  public UUID installationId;

  /** The InstallationEvent JSON, validated against its schema before it was written. */
  @Column(nullable = false)
  public String payload;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
