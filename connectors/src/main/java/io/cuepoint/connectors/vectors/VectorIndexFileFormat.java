package io.cuepoint.connectors.vectors;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * The local index file: a compact binary file holding one embedding model's vectors.
 *
 * <pre>
 * magic      4 bytes  "CPVI"
 * version    int32    1
 * modelId    UTF      (Java modified UTF-8: uint16 length, then the bytes)
 * dimensions int32
 * count      int32
 * count ×    { productId UTF, fingerprint UTF }   sorted by productId
 * vectors    count × dimensions float32, little-endian, in the order of the products
 * </pre>
 *
 * Integers are big-endian (Java's DataOutput); the vectors are one little-endian block so they
 * are read straight into the flat array the search scans. A file is written beside the target
 * and moved over it, so a reader sees the old file or the new one, never half of one.
 */
public final class VectorIndexFileFormat {
  static final byte[] MAGIC = {'C', 'P', 'V', 'I'};
  static final int VERSION = 1;

  private VectorIndexFileFormat() {}

  /** What a file holds: product i's vector is {@code vectors[i * dimensions ..]}. */
  public static final class Contents {
    public final String modelId;
    public final int dimensions;
    public final String[] productIds;
    public final String[] fingerprints;
    public final float[] vectors;

    public Contents(
        String modelId, int dimensions, String[] productIds, String[] fingerprints, float[] vectors) {
      if (productIds.length != fingerprints.length
          || (long) productIds.length * dimensions != vectors.length) {
        throw new IllegalArgumentException(
            "index of " + productIds.length + " products × " + dimensions
                + " dimensions cannot hold " + vectors.length + " values");
      }
      this.modelId = modelId;
      this.dimensions = dimensions;
      this.productIds = productIds;
      this.fingerprints = fingerprints;
      this.vectors = vectors;
    }

    public int size() {
      return productIds.length;
    }
  }

  public static Contents read(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return read(new DataInputStream(in), file);
    } catch (EOFException e) {
      throw new IOException(file + ": not a complete index file (it ends too early)", e);
    }
  }

  private static Contents read(DataInputStream in, Path file) throws IOException {
    byte[] magic = new byte[4];
    in.readFully(magic);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new IOException(file + ": not a Cuepoint vector index file");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException(file + ": index file version " + version + " (this build reads " + VERSION + ")");
    }
    String modelId = in.readUTF();
    int dimensions = in.readInt();
    int count = in.readInt();
    if (dimensions < 1 || count < 0 || (long) dimensions * count > Integer.MAX_VALUE - 8) {
      throw new IOException(file + ": " + count + " products × " + dimensions + " dimensions is not a valid size");
    }
    String[] ids = new String[count];
    String[] fingerprints = new String[count];
    for (int i = 0; i < count; i++) {
      ids[i] = in.readUTF();
      fingerprints[i] = in.readUTF();
    }
    float[] vectors = new float[count * dimensions];
    byte[] chunk = new byte[4 * dimensions];
    ByteBuffer buffer = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < count; i++) {
      in.readFully(chunk);
      buffer.rewind();
      buffer.asFloatBuffer().get(vectors, i * dimensions, dimensions);
    }
    if (in.read() != -1) {
      throw new IOException(file + ": unexpected bytes after the vectors");
    }
    return new Contents(modelId, dimensions, ids, fingerprints, vectors);
  }

  /** Writes the file atomically: beside the target first, then moved over it. */
  public static void write(Path file, Contents contents) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (OutputStream raw = Files.newOutputStream(temp);
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(contents.modelId);
        out.writeInt(contents.dimensions);
        out.writeInt(contents.size());
        for (int i = 0; i < contents.size(); i++) {
          out.writeUTF(contents.productIds[i]);
          out.writeUTF(contents.fingerprints[i]);
        }
        ByteBuffer buffer =
            ByteBuffer.allocate(4 * contents.dimensions).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < contents.size(); i++) {
          buffer.clear();
          buffer.asFloatBuffer().put(contents.vectors, i * contents.dimensions, contents.dimensions);
          out.write(buffer.array());
        }
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
