package io.companyos.model.org;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;

/**
 * The seed's responsibilities matrix: which role is responsible, accountable, consulted or
 * informed for each recurring activity.
 *
 * @param roles the column order (role ids)
 */
public record RaciMatrix(List<String> roles, List<@Valid RaciActivity> activities) {

  public RaciMatrix {
    roles = List.copyOf(roles);
    activities = List.copyOf(activities);
    for (RaciActivity a : activities) {
      for (String role : a.assignments().keySet()) {
        if (!roles.contains(role)) {
          throw new IllegalArgumentException(
              "activity '" + a.activity() + "' assigns role '" + role + "' that is not a column");
        }
      }
    }
  }

  /** The row for {@code activity}, if any. */
  public Optional<RaciActivity> activity(String activity) {
    return activities.stream().filter(a -> a.activity().equals(activity)).findFirst();
  }

  /** The row linked to rhythm meeting {@code meetingId}, if any. */
  public Optional<RaciActivity> forMeeting(String meetingId) {
    return activities.stream().filter(a -> meetingId.equals(a.meeting())).findFirst();
  }
}
