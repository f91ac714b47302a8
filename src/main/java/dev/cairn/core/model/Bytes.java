package dev.cairn.core.model;

import java.util.Arrays;
import java.util.Base64;

/**
 * An immutable byte string, compared as DynamoDB compares binary values: unsigned, byte by byte, a prefix
 * before any longer string. Source: DynamoDB Developer Guide, "Comparison operator and function reference"
 * (binary values are treated as unsigned).
 */
public final class Bytes implements Comparable<Bytes> {
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] data;

  private Bytes(byte[] data) {
    this.data = data;
  }

  /** A copy of {@code data}: later changes to the array do not show. */
  public static Bytes copyOf(byte[] data) {
    return data.length == 0 ? EMPTY : new Bytes(data.clone());
  }

  /** Takes ownership of {@code data}: the caller must not change it afterwards. */
  public static Bytes wrap(byte[] data) {
    return new Bytes(data);
  }

  public static Bytes fromBase64(String base64) {
    return wrap(Base64.getDecoder().decode(base64));
  }

  public int length() {
    return data.length;
  }

  public byte byteAt(int i) {
    return data[i];
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return data.clone();
  }

  /** The bytes themselves, for codecs that only read them. Never change the array. */
  public byte[] unsafeArray() {
    return data;
  }

  public String toBase64() {
    return Base64.getEncoder().encodeToString(data);
  }

  /** Whether this byte string starts with {@code prefix}. */
  public boolean startsWith(Bytes prefix) {
    return prefix.data.length <= data.length
        && Arrays.equals(data, 0, prefix.data.length, prefix.data, 0, prefix.data.length);
  }

  @Override
  public int compareTo(Bytes o) {
    return Arrays.compareUnsigned(data, o.data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes b && Arrays.equals(data, b.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return toBase64();
  }
}
