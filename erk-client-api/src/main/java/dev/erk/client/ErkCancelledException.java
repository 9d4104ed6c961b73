package dev.erk.client;

import java.util.List;

/** The call was cancelled before erk finished; its process tree was killed. */
public class ErkCancelledException extends ErkException {
  private static final long serialVersionUID = 1L;

  /** @param command the argv that was cancelled */
  public ErkCancelledException(List<String> command) {
    super("`" + describe(command) + "` was cancelled", command, null);
  }
}
