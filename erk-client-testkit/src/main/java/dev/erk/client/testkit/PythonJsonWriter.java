package dev.erk.client.testkit;

import dev.erk.client.CheckCounts;
import dev.erk.client.DependencyPlan;
import dev.erk.client.LogEntry;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes JSON byte for byte as Python's {@code json.dumps} does with its defaults: separators
 * {@code ", "} and {@code ": "}, {@code ensure_ascii=True} (every character outside {@code '
 * '..'~'} as a lowercase {@code \\uXXXX}, surrogate pairs for astral characters; this includes DEL,
 * 0x7F), and floats as Python's {@code repr}.
 */
final class PythonJsonWriter {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder out;

  PythonJsonWriter(StringBuilder out) {
    this.out = out;
  }

  /** Writes a JSON value: null, Boolean, Number, CharSequence, Map, Collection, or erk's types. */
  void value(@Nullable Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof CharSequence text) {
      string(text);
    } else if (value instanceof Boolean flag) {
      out.append(flag ? "true" : "false");
    } else if (value instanceof Double || value instanceof Float) {
      out.append(floatRepr(((Number) value).doubleValue()));
    } else if (value instanceof BigDecimal decimal) {
      out.append(decimal.toString());
    } else if (value instanceof Number number) {
      out.append(
          number instanceof BigInteger ? number.toString() : Long.toString(number.longValue()));
    } else if (value instanceof OffsetDateTime time) {
      string(isoformat(time));
    } else if (value instanceof CheckCounts counts) {
      value(List.of(counts.passing(), counts.total()));
    } else if (value instanceof LogEntry entry) {
      value(List.of(entry.eventName(), entry.timestamp(), entry.commentUrl()));
    } else if (value instanceof DependencyPlan plan) {
      value(List.of(plan.display(), plan.url()));
    } else if (value instanceof Map<?, ?> map) {
      object(map);
    } else if (value instanceof Collection<?> list) {
      list(list);
    } else if (value instanceof Object[] array) {
      list(List.of(array));
    } else {
      throw new IllegalArgumentException(
          "cannot write a " + value.getClass().getName() + " as JSON");
    }
  }

  /** Appends JSON text as it is. */
  void raw(String json) {
    out.append(json);
  }

  /** Writes {@code "key": } (with Python's separator), preceded by {@code ", "} unless first. */
  void key(String key, boolean first) {
    if (!first) {
      out.append(", ");
    }
    string(key);
    out.append(": ");
  }

  private void object(Map<?, ?> map) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      key(String.valueOf(entry.getKey()), first);
      value(entry.getValue());
      first = false;
    }
    out.append('}');
  }

  private void list(Collection<?> list) {
    out.append('[');
    boolean first = true;
    for (Object element : list) {
      if (!first) {
        out.append(", ");
      }
      value(element);
      first = false;
    }
    out.append(']');
  }

  void string(CharSequence text) {
    out.append('"');
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= ' ' && c <= '~' && c != '"' && c != '\\') {
        out.append(c);
        continue;
      }
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default ->
            out.append("\\u")
                .append(HEX[c >> 12])
                .append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
      }
    }
    out.append('"');
  }

  /**
   * Python's {@code datetime.isoformat()}: seconds always, six fraction digits only when the
   * microseconds are not zero (nanoseconds are cut to microseconds), the offset as {@code +HH:MM}
   * (never {@code Z}).
   */
  static String isoformat(OffsetDateTime time) {
    StringBuilder s = new StringBuilder(32);
    int year = time.getYear();
    if (year < 0) {
      s.append('-');
    }
    pad(s, Math.abs(year), 4).append('-');
    pad(s, time.getMonthValue(), 2).append('-');
    pad(s, time.getDayOfMonth(), 2).append('T');
    pad(s, time.getHour(), 2).append(':');
    pad(s, time.getMinute(), 2).append(':');
    pad(s, time.getSecond(), 2);
    int micros = time.getNano() / 1000;
    if (micros != 0) {
      pad(s.append('.'), micros, 6);
    }
    int offset = time.getOffset().getTotalSeconds();
    s.append(offset < 0 ? '-' : '+');
    offset = Math.abs(offset);
    pad(s, offset / 3600, 2).append(':');
    pad(s, offset / 60 % 60, 2);
    if (offset % 60 != 0) {
      pad(s.append(':'), offset % 60, 2);
    }
    return s.toString();
  }

  private static StringBuilder pad(StringBuilder s, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      s.append('0');
    }
    return s.append(digits);
  }

  /** The fewest significant digits that read back as {@code d} (JDK 17's toString may add one). */
  private static BigDecimal shortest(double d) {
    BigDecimal exact = new BigDecimal(d);
    for (int digits = 1; digits < 17; digits++) {
      BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == d) {
        return rounded.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  /** Python's {@code repr(float)}: shortest digits, exponent form below 1e-4 and from 1e16. */
  static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    BigDecimal decimal = shortest(Math.abs(d));
    String digits = decimal.unscaledValue().toString();
    int point = digits.length() - decimal.scale(); // value = 0.<digits> * 10^point
    StringBuilder s = new StringBuilder(d < 0 ? "-" : "");
    if (point > 16 || point < -3) {
      s.append(digits.charAt(0));
      if (digits.length() > 1) {
        s.append('.').append(digits, 1, digits.length());
      }
      int exponent = point - 1;
      s.append('e').append(exponent < 0 ? '-' : '+');
      return pad(s, Math.abs(exponent), 2).toString();
    }
    if (point <= 0) {
      return s.append("0.").append("0".repeat(-point)).append(digits).toString();
    }
    if (point >= digits.length()) {
      return s.append(digits).append("0".repeat(point - digits.length())).append(".0").toString();
    }
    return s.append(digits, 0, point).append('.').append(digits, point, digits.length()).toString();
  }
}
