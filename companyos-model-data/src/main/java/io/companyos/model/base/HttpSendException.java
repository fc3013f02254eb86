package io.companyos.model.base;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.List;

/**
 * No answer to a request sent by {@link HttpSender}: the connection failed, timed out or was dropped. The
 * message names only the host of the URL, never its user-info, path or query; the cause is the client's own
 * exception.
 */
public final class HttpSendException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int attempts;
  private final List<String> earlier;
  private final boolean mayHaveArrived;

  HttpSendException(String message, IOException cause, int attempts, List<String> earlier, boolean mayHaveArrived) {
    super(message, cause);
    this.attempts = attempts;
    this.earlier = List.copyOf(earlier);
    this.mayHaveArrived = mayHaveArrived;
  }

  /**
   * How many requests were tried.
   *
   * @return at least 1
   */
  public int attempts() {
    return attempts;
  }

  /**
   * What each attempt before the last got, oldest first, in the words of {@link HttpSender.Answer#earlier()}.
   *
   * @return the earlier attempts
   */
  public List<String> earlier() {
    return earlier;
  }

  /**
   * Whether the request may have reached the server: false when connecting failed, true when it was sent
   * and no answer came (then a request that changes something has an unknown outcome).
   *
   * @return true when the outcome is unknown
   */
  public boolean mayHaveArrived() {
    return mayHaveArrived;
  }

  /**
   * Whether connecting or waiting for the answer took longer than allowed.
   *
   * @return true for a timeout
   */
  public boolean timedOut() {
    return getCause() instanceof HttpTimeoutException;
  }

  /**
   * The kind of failure, the simple name of the client's exception ({@code ConnectException},
   * {@code HttpTimeoutException}, ...).
   *
   * @return the name
   */
  public String failure() {
    return getCause() == null ? "IOException" : getCause().getClass().getSimpleName();
  }
}
