package dev.o365connector.simulator.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate for {@code localhost} and {@code 127.0.0.1}, made at start, with its key in PEM
 * (for the server) and exported as PEM and a PKCS12 truststore (for clients such as MSAL, which
 * refuse any authority that is not https).
 */
public final class SelfSignedTls {

  /** Password of the exported truststore; it holds only a public certificate. */
  public static final String TRUSTSTORE_PASSWORD = "changeit";

  private final X509Certificate certificate;
  private final String certificatePem;
  private final String privateKeyPem;
  private volatile Path exportedTo;

  private SelfSignedTls(X509Certificate certificate, String certificatePem, String privateKeyPem) {
    this.certificate = certificate;
    this.certificatePem = certificatePem;
    this.privateKeyPem = privateKeyPem;
  }

  /** A new key pair and a certificate valid for a year. */
  public static SelfSignedTls generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair keys = generator.generateKeyPair();
      Instant now = Instant.now();
      X500Name subject = new X500Name("CN=localhost, O=o365-connector graph-simulator");
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              new BigInteger(64, new SecureRandom()),
              Date.from(now.minus(Duration.ofMinutes(5))),
              Date.from(now.plus(Duration.ofDays(365))),
              subject,
              keys.getPublic());
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")
              }));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
      return new SelfSignedTls(certificate, pem(certificate), pem(keys.getPrivate()));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("Could not make a self-signed certificate", e);
    }
  }

  public String certificatePem() {
    return certificatePem;
  }

  public String privateKeyPem() {
    return privateKeyPem;
  }

  /** A keystore trusting only this certificate. */
  public KeyStore trustStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("graph-simulator", certificate);
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Could not build a truststore", e);
    }
  }

  /** An SSL context for clients that should trust the simulator (and only it). */
  public SSLContext clientSslContext() {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trustStore());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not build an SSL context", e);
    }
  }

  /** The directory {@link #export} wrote to, if it ran. */
  public Optional<Path> exportedTo() {
    return Optional.ofNullable(exportedTo);
  }

  /** Writes {@code simulator.crt.pem} and {@code truststore.p12} into {@code directory}. */
  public void export(Path directory) {
    try {
      Files.createDirectories(directory);
      Files.writeString(
          directory.resolve("simulator.crt.pem"), certificatePem, StandardCharsets.US_ASCII);
      try (OutputStream out = Files.newOutputStream(directory.resolve("truststore.p12"))) {
        trustStore().store(out, TRUSTSTORE_PASSWORD.toCharArray());
      }
      exportedTo = directory;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Could not export the certificate to " + directory, e);
    }
  }

  private static String pem(Object object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString();
  }
}
