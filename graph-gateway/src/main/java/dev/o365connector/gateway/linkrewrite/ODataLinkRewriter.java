package dev.o365connector.gateway.linkrewrite;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Rewrites the top-level {@code @odata.nextLink} and {@code @odata.deltaLink} of a JSON document
 * from Graph's base URL to the gateway's, chunk by chunk as the document streams through: only the
 * bytes of those two string values are ever held back, everything else passes through unchanged.
 * One instance per response; not thread-safe.
 */
public final class ODataLinkRewriter {

  private static final Set<String> LINK_KEYS = Set.of("@odata.nextLink", "@odata.deltaLink");

  /** Keys longer than this cannot be one of the link keys, so they are not collected. */
  private static final int MAX_KEY_BYTES = 32;

  private final byte[] from;
  private final byte[] to;

  private int depth;
  private boolean inString;
  private boolean escaped;

  /** At depth 1 of an object: whether the next string is a key (after '{' or ',') or a value. */
  private boolean expectKey;

  private boolean rootIsObject;
  private boolean stringIsKey;
  private boolean lastKeyIsLink;
  private boolean capturingValue;
  private final StringBuilder key = new StringBuilder();
  private byte[] value = new byte[256];
  private int valueLength;

  public ODataLinkRewriter(String graphBaseUrl, String gatewayBaseUrl) {
    this.from = graphBaseUrl.getBytes(StandardCharsets.UTF_8);
    this.to = gatewayBaseUrl.getBytes(StandardCharsets.UTF_8);
  }

  /** The bytes to send for {@code chunk}; a link value split across chunks is held back. */
  public Buffer rewrite(Buffer chunk) {
    byte[] in = chunk.getBytes();
    Buffer out =
        null; // only once something is held back or rewritten: most chunks pass as they are
    int passFrom = 0;
    for (int i = 0; i < in.length; i++) {
      if (inString && !capturingValue && !stringIsKey) {
        // Most of a page is text inside nested strings: jump to the next quote or backslash.
        if (escaped) {
          escaped = false;
          continue;
        }
        while (i < in.length && in[i] != '"' && in[i] != '\\') {
          i++;
        }
        if (i < in.length) {
          escaped = in[i] == '\\';
          inString = escaped;
        }
        continue;
      }
      byte b = in[i];
      if (inString) {
        if (capturingValue) {
          if (!escaped && b == '"') {
            out = out(out, in.length).appendBytes(in, passFrom, i - passFrom);
            emitValue(out);
            passFrom = i; // the closing quote passes through
            capturingValue = false;
            inString = false;
            continue;
          }
          append(b);
          escaped = !escaped && b == '\\';
          passFrom = i + 1;
          continue;
        }
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
          if (stringIsKey) {
            lastKeyIsLink = LINK_KEYS.contains(key.toString());
          }
          continue;
        }
        if (stringIsKey && key.length() <= MAX_KEY_BYTES) {
          key.append((char) (b & 0xff));
        }
        continue;
      }
      switch (b) {
        case '"' -> {
          inString = true;
          escaped = false;
          boolean topLevel = depth == 1 && rootIsObject;
          stringIsKey = topLevel && expectKey;
          if (stringIsKey) {
            key.setLength(0);
          } else if (topLevel && lastKeyIsLink) {
            out = out(out, in.length).appendBytes(in, passFrom, i + 1 - passFrom);
            passFrom = i + 1;
            capturingValue = true;
            valueLength = 0;
          }
        }
        case '{', '[' -> {
          if (depth == 0) {
            rootIsObject = b == '{';
          }
          depth++;
          expectKey = depth == 1 && b == '{';
        }
        case '}', ']' -> depth--;
        case ',' -> {
          if (depth == 1) {
            expectKey = true;
            lastKeyIsLink = false;
          }
        }
        case ':' -> {
          if (depth == 1) {
            expectKey = false;
          }
        }
        default -> {
          // whitespace, numbers, literals: nothing to track
        }
      }
    }
    if (out == null && passFrom == 0) {
      return chunk;
    }
    return out(out, in.length).appendBytes(in, passFrom, in.length - passFrom);
  }

  private static Buffer out(Buffer out, int chunkLength) {
    return out != null ? out : Buffer.buffer(chunkLength + 64);
  }

  private void append(byte b) {
    if (valueLength == value.length) {
      value = Arrays.copyOf(value, value.length * 2);
    }
    value[valueLength++] = b;
  }

  private void emitValue(Buffer out) {
    if (startsWithBase()) {
      out.appendBytes(to).appendBytes(value, from.length, valueLength - from.length);
    } else {
      out.appendBytes(value, 0, valueLength);
    }
  }

  /** The base matches only whole: followed by the end, '/' or '?', never a longer host or path. */
  private boolean startsWithBase() {
    if (valueLength < from.length || !Arrays.equals(value, 0, from.length, from, 0, from.length)) {
      return false;
    }
    return valueLength == from.length || value[from.length] == '/' || value[from.length] == '?';
  }
}
