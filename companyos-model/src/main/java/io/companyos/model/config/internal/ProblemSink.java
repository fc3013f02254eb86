package io.companyos.model.config.internal;

import io.companyos.model.config.ConfigProblem;
import io.companyos.model.config.ProblemCode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Collects the problems of one file so that all of them are reported, not just the first. */
public final class ProblemSink {
  private final String file;
  private final List<ConfigProblem> problems = new ArrayList<>();

  public ProblemSink(String file) {
    this.file = file;
  }

  /** The file name problems are reported against. */
  public String file() {
    return file;
  }

  /** Records a problem at {@code mark}. */
  public void add(ProblemCode code, Mark mark, String message, @Nullable String hint) {
    problems.add(new ConfigProblem(code, file, mark.line(), mark.column(), message, hint));
  }

  /** The problems so far, in the order found. */
  public List<ConfigProblem> problems() {
    return List.copyOf(problems);
  }

  /** True when nothing was reported. */
  public boolean isClean() {
    return problems.isEmpty();
  }
}
