package dev.erk.client.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import org.jspecify.annotations.Nullable;

/**
 * Predicts the next key of a dash-data row from the order of the rows before it, so that {@link
 * RowReader} can ask the parser to compare the key's bytes with the predicted name ({@link
 * com.fasterxml.jackson.core.JsonParser#nextFieldName(SerializableString)}) instead of decoding,
 * hashing and looking it up. erk writes every row of one answer with the same keys in the same
 * order, so after the first row nearly every key is predicted; a wrong guess only costs the byte
 * comparison before the name is read the ordinary way. Unknown keys do not move the prediction.
 *
 * <p>Before any row is seen the prediction is erk's current order ({@link RowField}'s order).
 */
@SuppressWarnings("EnumOrdinal") // tables indexed by RowField, as in RowSlots
final class KeyOrder {
  private static final RowField[] FIELDS = RowField.values();
  private static final SerializableString[] QUOTED = new SerializableString[FIELDS.length];

  static {
    for (RowField field : FIELDS) {
      QUOTED[field.ordinal()] = new SerializedString(field.key());
    }
  }

  private final @Nullable RowField[] after = new @Nullable RowField[FIELDS.length];
  private @Nullable RowField first = RowField.PR_NUMBER;
  private @Nullable RowField previous;

  KeyOrder() {
    for (int i = 0; i + 1 < FIELDS.length && FIELDS[i + 1].isCurrent(); i++) {
      after[i] = FIELDS[i + 1];
    }
  }

  /** The key's name as the parser compares it. */
  static SerializableString quoted(RowField field) {
    return QUOTED[field.ordinal()];
  }

  /** Starts a row: the key it probably begins with, or null when there is no guess. */
  @Nullable RowField first() {
    previous = null;
    return first;
  }

  /** Records that {@code field} came next in this row; returns the key that probably follows it. */
  @Nullable RowField next(RowField field) {
    RowField before = previous;
    if (before == null) {
      first = field;
    } else {
      after[before.ordinal()] = field;
    }
    previous = field;
    return after[field.ordinal()];
  }
}
