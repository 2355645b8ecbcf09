// Ed25519 verification cost, the JDK's against Bouncy Castle's (what BadgeTokens.verify uses), one thread:
//   java -cp ~/.m2/repository/org/bouncycastle/bcprov-jdk18on/1.87/bcprov-jdk18on-1.87.jar src/bench/EdBench.java
// Signs one badge-like payload with the JDK, then verifies it 2,000 times per round with each, 5 rounds (the first
// ones warm the JIT up); prints microseconds per verification.

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.util.Arrays;

public class EdBench {

    private static final int PER_ROUND = 2_000;

    public static void main(String[] args) throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] payload = "B1.12345.42.1".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(payload);
        byte[] signature = signer.sign();
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(rawPublicKey(keys), 0);

        for (int round = 1; round <= 5; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < PER_ROUND; i++) {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(keys.getPublic());
                verifier.update(payload);
                check(verifier.verify(signature));
            }
            long jdk = (System.nanoTime() - start) / PER_ROUND / 1_000;
            start = System.nanoTime();
            for (int i = 0; i < PER_ROUND; i++) {
                check(Ed25519.verify(signature, 0, point, payload, 0, payload.length));
            }
            long bc = (System.nanoTime() - start) / PER_ROUND / 1_000;
            System.out.printf("round %d: JDK %d µs/verify, Bouncy Castle %d µs/verify%n", round, jdk, bc);
        }
    }

    /** The 32-byte RFC 8032 encoding: the X.509 form ends with it. */
    private static byte[] rawPublicKey(KeyPair keys) {
        byte[] x509 = ((EdECPublicKey) keys.getPublic()).getEncoded();
        return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
    }

    private static void check(boolean genuine) {
        if (!genuine) {
            throw new IllegalStateException("a genuine signature was refused");
        }
    }
}
