package com.releaseledger.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.releaseledger.kernel.Sha256;

import tools.jackson.databind.JsonNode;

/**
 * Signs each manifest with the engine's Ed25519 key ({@code manifest.sig} beside it: the algorithm, the public key,
 * its fingerprint and the signature of the manifest's bytes), so that a pack can be verified by someone with no
 * access to the ledger: a forged manifest fails the signature, and one signed again by another key shows another
 * fingerprint. The key is made on first use beside the data directory ({@code manifest-signing.key}, readable by
 * its owner only), or where {@code release-ledger.signing-key} says.
 */
@Component
class ManifestSignature {

    static final String FILE = "manifest.sig";

    private final Path keyFile;
    private KeyPair keys;

    ManifestSignature(@Value("${release-ledger.signing-key:}") String keyFile,
            @Value("${release-ledger.db.data-dir:}") String dataDir) {
        Path dir = dataDir.isBlank() ? Path.of(System.getProperty("user.home"), ".release-ledger", "db")
                : Path.of(dataDir);
        this.keyFile = keyFile.isBlank() ? dir.toAbsolutePath().normalize().resolveSibling("manifest-signing.key")
                : Path.of(keyFile);
    }

    /** The signature file's text for these manifest bytes. */
    synchronized byte[] sign(byte[] manifest) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys().getPrivate());
            signer.update(manifest);
            Map<String, String> signature = new LinkedHashMap<>();
            signature.put("algorithm", "Ed25519");
            signature.put("key_fingerprint", fingerprint(keys().getPublic()));
            signature.put("public_key", Base64.getEncoder().encodeToString(keys().getPublic().getEncoded()));
            signature.put("manifest_sha256", Sha256.of(manifest));
            signature.put("signature", Base64.getEncoder().encodeToString(signer.sign()));
            return ReportService.JSON.writeValueAsBytes(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the manifest: " + e.getMessage(), e);
        }
    }

    /** What the check of a signature found. */
    record Check(boolean valid, String fingerprint, boolean ours) {
    }

    /** Checks {@code manifest.sig} against the manifest's bytes, and whether the key is this engine's own. */
    synchronized Check check(byte[] manifest, byte[] signatureFile) {
        try {
            JsonNode signature = ReportService.JSON.readTree(signatureFile);
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(signature.path("public_key").asString())));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(manifest);
            boolean valid = verifier.verify(Base64.getDecoder().decode(signature.path("signature").asString()));
            String fingerprint = fingerprint(key);
            boolean ours = Files.isRegularFile(keyFile) && fingerprint.equals(fingerprint(keys().getPublic()));
            return new Check(valid, fingerprint, ours);
        } catch (GeneralSecurityException | IllegalArgumentException | tools.jackson.core.JacksonException e) {
            return new Check(false, "unreadable (" + e.getMessage() + ")", false);
        }
    }

    /** "SHA256:" and the hex SHA-256 of the public key's encoded form. */
    static String fingerprint(PublicKey key) {
        return "SHA256:" + Sha256.of(key.getEncoded());
    }

    private KeyPair keys() throws GeneralSecurityException {
        if (keys == null) {
            keys = Files.isRegularFile(keyFile) ? read() : create();
        }
        return keys;
    }

    private KeyPair read() throws GeneralSecurityException {
        try {
            String[] parts = Files.readString(keyFile, StandardCharsets.US_ASCII).strip().split("\n");
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(parts[0])));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(parts[1])));
            return new KeyPair(publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the signing key " + keyFile + ": " + e.getMessage(), e);
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IllegalStateException("the signing key " + keyFile + " is not one this engine wrote", e);
        }
    }

    private KeyPair create() throws GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        try {
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Path partial = keyFile.resolveSibling(keyFile.getFileName() + ".partial");
            Files.writeString(partial, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                    + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n",
                    StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the folder's protect it
            }
            Files.move(partial, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return pair;
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            return read(); // another engine made it a moment ago
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the signing key " + keyFile + ": " + e.getMessage(), e);
        }
    }
}
