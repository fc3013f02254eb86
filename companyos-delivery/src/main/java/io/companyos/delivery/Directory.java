package io.companyos.delivery;

import io.companyos.model.org.Roles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The people packs are e-mailed to, read from a CSV file with the columns {@code email,name,roles}
 * (roles separated by spaces; blank lines and lines starting with {@code #} are ignored). E-mail
 * delivery resolves {@code destination: "{{recipients}}"} to the people who hold one of the pack's
 * recipient roles, directly or through a group of the role model.
 */
public final class Directory {
  /** The header line the file must start with (after comments). */
  public static final String HEADER = "email,name,roles";

  private final List<Person> people;

  public Directory(List<Person> people) {
    this.people = List.copyOf(people);
  }

  /** The embedded sample company's directory (addresses at example.com). */
  public static Directory sample(Roles roles) {
    return parse(sampleText(), "sample-directory.csv", roles);
  }

  /** The text of the sample company's directory file, a starting point for a company's own. */
  public static String sampleText() {
    try (InputStream in = Directory.class.getResourceAsStream("sample-directory.csv")) {
      if (in == null) {
        throw new IllegalStateException("sample-directory.csv missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads {@code file}; every problem is reported as {@code file:line:col} with a hint. */
  public static Directory load(Path file, Roles roles) {
    String text;
    try {
      text = io.companyos.model.TextFiles.readUtf8(file);
    } catch (io.companyos.model.TextFiles.NotUtf8 e) {
      throw new DeliveryException("COS-DLV-001", "cannot read the directory file: " + e.getMessage(), file + ":" + e.line(),
          "save it as UTF-8 (spreadsheets: CSV UTF-8)", e);
    } catch (IOException e) {
      throw new DeliveryException("COS-DLV-001", "cannot read the directory file: " + e.getMessage(), file.toString(),
          "pass --directory with a CSV file of " + HEADER, e);
    }
    return parse(text, file.toString(), roles);
  }

  /** Parses directory CSV text (a leading byte order mark is allowed); {@code name} is used in error locations. */
  public static Directory parse(String text, String name, Roles roles) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // spreadsheets save "CSV UTF-8" with a byte order mark
    }
    List<Person> people = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean header = false;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int lineNo = i + 1;
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      if (!header) {
        if (!line.strip().equals(HEADER)) {
          throw problem(name, lineNo, 1, "the directory must start with the header '" + HEADER + "'",
              "add the header line " + HEADER);
        }
        header = true;
        continue;
      }
      String[] cols = line.split(",", -1);
      if (cols.length != 3) {
        throw problem(name, lineNo, 1, "expected 3 columns (" + HEADER + "), found " + cols.length,
            "names and roles may not contain commas");
      }
      String email = cols[0].strip();
      if (!email.matches("[^@\\s<>\"]+@[^@\\s<>\"]+")) {
        throw problem(name, lineNo, 1, "'" + email + "' is not an e-mail address", "write it as name@domain");
      }
      if (!seen.add(email.toLowerCase(Locale.ROOT))) {
        throw problem(name, lineNo, 1, "'" + email + "' is listed twice", "give each person one line with all roles");
      }
      List<String> held = Arrays.stream(cols[2].strip().split("[\\s;]+")).filter(s -> !s.isEmpty()).toList();
      if (held.isEmpty()) {
        throw problem(name, lineNo, cols[0].length() + cols[1].length() + 3, "no roles for " + email,
            "list the person's role ids, separated by spaces");
      }
      int col = cols[0].length() + cols[1].length() + 3;
      for (String r : held) {
        if (!roles.contains(r)) {
          throw problem(name, lineNo, col + cols[2].indexOf(r), "unknown role '" + r + "'",
              "known roles: " + String.join(", ", roles.ids()));
        }
      }
      people.add(new Person(email, cols[1].strip(), held));
    }
    if (!header) {
      throw problem(name, 1, 1, "the directory is empty", "add the header line " + HEADER + " and one line per person");
    }
    return new Directory(people);
  }

  private static DeliveryException problem(String file, int line, int col, String message, String hint) {
    return new DeliveryException("COS-DLV-001", message, file + ":" + line + ":" + col, hint);
  }

  /** Everyone, in file order. */
  public List<Person> people() {
    return people;
  }

  /** The people holding at least one of {@code recipientRoles} (through groups), in file order. */
  public List<Person> holding(List<String> recipientRoles, Roles roles) {
    return people.stream().filter(p -> p.roles().stream().anyMatch(r -> roles.allows(recipientRoles, r))).toList();
  }
}
