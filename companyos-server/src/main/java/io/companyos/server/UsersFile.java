package io.companyos.server;

import io.companyos.model.base.CompanyOsException;
import io.companyos.model.org.Roles;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The built-in users file: who may sign in, with a bcrypt hash of their password and the company's roles they hold.
 *
 * <pre>{@code
 * users:
 *   - user: ceo
 *     password: "$2a$10$..."   # bcrypt hash, never the password itself
 *     roles: [ceo]
 * }</pre>
 *
 * Every problem is reported with its place, {@code users.yaml:4:15: COS-SRV-004 ...}: a user without a name, a password
 * that is not a bcrypt hash, a role the company does not define, the same user twice.
 */
public final class UsersFile {
  /** The demo users of the embedded sample company (see docs/dashboards.md for their passwords). */
  public static final String DEMO_RESOURCE = "/io/companyos/server/demo-users.yaml";

  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");
  private static final Set<String> KEYS = Set.of("user", "password", "roles");

  /** One user: name, bcrypt hash and role ids. */
  public record User(String name, String passwordHash, List<String> roles) {
    public User {
      roles = List.copyOf(roles);
    }

    @Override
    public String toString() {
      return "User[" + name + ", roles=" + roles + "]";
    }
  }

  private final Map<String, User> users;

  private UsersFile(Map<String, User> users) {
    this.users = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(users));
  }

  /** Reads {@code file}, checking every role against {@code roles}. */
  public static UsersFile read(Path file, Roles roles) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CompanyOsException("COS-SRV-001", "cannot read the users file: " + e.getMessage(), file.toString(),
          "give a readable YAML file with --users", e);
    }
    return parse(text, file.toString(), roles);
  }

  /** The demo users of the embedded sample company. */
  public static UsersFile demo(Roles roles) {
    try (InputStream in = UsersFile.class.getResourceAsStream(DEMO_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the demo users file is missing from the server's jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "demo-users.yaml", roles);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the demo users file", e);
    }
  }

  /** Parses {@code text}; {@code name} is the file name errors are located in. */
  public static UsersFile parse(String text, String name, Roles roles) {
    Node root;
    try (Reader r = new StringReader(text)) {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(10);
      options.setCodePointLimit(1 << 20);
      root = new Yaml(new SafeConstructor(options)).compose(r);
    } catch (MarkedYAMLException e) {
      throw error("COS-SRV-001", "not well-formed YAML: " + e.getProblem(), name, e.getProblemMark(),
          "fix the YAML syntax");
    } catch (RuntimeException | IOException e) {
      throw new CompanyOsException("COS-SRV-001", "not well-formed YAML: " + e.getMessage(), name, "fix the YAML syntax");
    }
    if (!(root instanceof MappingNode top)) {
      throw error("COS-SRV-002", "a users file is a mapping with the key 'users'", name,
          root == null ? null : root.getStartMark(), "start the file with 'users:'");
    }
    SequenceNode list = null;
    for (NodeTuple t : top.getValue()) {
      String key = scalar(t.getKeyNode(), name, "a key");
      if (!key.equals("users")) {
        throw error("COS-SRV-002", "unknown key '" + key + "'", name, t.getKeyNode().getStartMark(),
            "the file holds only 'users'");
      }
      if (!(t.getValueNode() instanceof SequenceNode s)) {
        throw error("COS-SRV-002", "'users' must be a list", name, t.getValueNode().getStartMark(),
            "write one '- user: ...' entry per user");
      }
      list = s;
    }
    if (list == null) {
      throw error("COS-SRV-002", "missing key 'users'", name, top.getStartMark(), "start the file with 'users:'");
    }
    Map<String, User> users = new LinkedHashMap<>();
    for (Node entry : list.getValue()) {
      if (!(entry instanceof MappingNode m)) {
        throw error("COS-SRV-002", "a user must be a mapping of user, password and roles", name, entry.getStartMark(),
            "write 'user:', 'password:' and 'roles:'");
      }
      Map<String, NodeTuple> fields = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        String key = scalar(t.getKeyNode(), name, "a key");
        if (!KEYS.contains(key)) {
          throw error("COS-SRV-002", "unknown key '" + key + "'", name, t.getKeyNode().getStartMark(),
              "a user has only user, password and roles");
        }
        if (fields.put(key, t) != null) {
          throw error("COS-SRV-002", "the key '" + key + "' twice", name, t.getKeyNode().getStartMark(),
              "give each key once");
        }
      }
      for (String k : List.of("user", "password", "roles")) {
        if (!fields.containsKey(k)) {
          throw error("COS-SRV-002", "missing key '" + k + "'", name, m.getStartMark(), "a user needs user, password and roles");
        }
      }
      Node userNode = fields.get("user").getValueNode();
      String user = scalar(userNode, name, "the user name").strip();
      if (user.isEmpty()) {
        throw error("COS-SRV-002", "the user name is blank", name, userNode.getStartMark(), "give a name");
      }
      Node pwNode = fields.get("password").getValueNode();
      String hash = scalar(pwNode, name, "the password hash");
      if (!BCRYPT.matcher(hash).matches()) {
        // The value is never quoted: it may be a password written by mistake.
        throw error("COS-SRV-004", "the password of '" + user + "' is not a bcrypt hash", name, pwNode.getStartMark(),
            "store a bcrypt hash ($2a$10$... or $2b$...), never the password; see docs/dashboards.md");
      }
      Node rolesNode = fields.get("roles").getValueNode();
      if (!(rolesNode instanceof SequenceNode rs) || rs.getValue().isEmpty()) {
        throw error("COS-SRV-002", "'roles' of '" + user + "' must be a non-empty list", name, rolesNode.getStartMark(),
            "write roles: [role_id, ...]");
      }
      List<String> ids = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (Node r : rs.getValue()) {
        String id = scalar(r, name, "a role id");
        if (!roles.contains(id)) {
          throw error("COS-SRV-003", "unknown role '" + printable(id) + "'", name, r.getStartMark(),
              "use a role id of roles.yaml");
        }
        if (seen.add(id)) {
          ids.add(id);
        }
      }
      if (users.put(user, new User(user, hash, ids)) != null) {
        throw error("COS-SRV-005", "the user '" + printable(user) + "' twice", name, userNode.getStartMark(),
            "give each user once");
      }
    }
    return new UsersFile(users);
  }

  /** The user called {@code name}. */
  public Optional<User> find(String name) {
    return Optional.ofNullable(users.get(name));
  }

  /** Every user, by name, in the file's order. */
  public Map<String, User> users() {
    return users;
  }

  private static String scalar(Node node, String file, String what) {
    if (node instanceof ScalarNode s) {
      return s.getValue();
    }
    throw error("COS-SRV-002", what + " must be a single value", file, node.getStartMark(), "write plain text");
  }

  private static CompanyOsException error(String code, String message, String file, @Nullable Mark mark, String hint) {
    String where = mark == null ? file : file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
    return new CompanyOsException(code, message, where, hint);
  }

  private static String printable(String s) {
    return io.companyos.model.base.Redaction.printable(s);
  }
}
