// Ed25519 verification cost of this JDK: java src/bench/EdBench.java
import java.security.*;
public class EdBench { public static void main(String[] a) throws Exception {
 KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair(); byte[] m = "B1.12345.42.1".getBytes();
 Signature s = Signature.getInstance("Ed25519"); s.initSign(kp.getPrivate()); s.update(m); byte[] sig = s.sign();
 for (int r=0;r<3;r++){ long t=System.nanoTime(); for(int i=0;i<2000;i++){ Signature v=Signature.getInstance("Ed25519"); v.initVerify(kp.getPublic()); v.update(m); v.verify(sig);} System.out.println("verify us/op " + (System.nanoTime()-t)/2000/1000); }
}}
