package io.companyos.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPermissionsTest {
  @Test
  void packsAreReadableByOthersSoAStaticHostCanServeThem(@TempDir Path dir) throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    ArtifactStore.Stored s = new ArtifactStore(dir).write("ops-reviews", "2026-11-23", "md", "# pack\n", false);
    var perms = Files.getPosixFilePermissions(s.path());
    assertThat(perms).contains(PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_READ)
        .doesNotContain(PosixFilePermission.OTHERS_WRITE, PosixFilePermission.GROUP_WRITE);
    assertThat(PosixFilePermissions.toString(perms)).isEqualTo("rw-r--r--");
  }
}
