package dev.omnivibe.app.gui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewViewModelTest {
  final java.util.List<Path> asked = new java.util.ArrayList<>();
  final PreviewViewModel vm =
      new PreviewViewModel(
          dev.omnivibe.app.gui.Async.direct(),
          video -> {
            asked.add(video);
            return video.resolveSibling("poster.png");
          });
  @TempDir Path tmp;

  @Test
  void aMissingOutputIsReportedNotPlayed() {
    vm.show("Deck", tmp.resolve("gone.mp4"));
    assertThat(vm.fileProperty().get()).isNull();
    assertThat(vm.failedProperty().get()).isTrue();
    assertThat(vm.statusProperty().get()).contains("gone.mp4").contains("render it again");
    assertThat(asked).isEmpty();
  }

  @Test
  void aPlaybackFailureSaysWhyAndPointsToTheSystemPlayer() throws Exception {
    Path mp4 = Files.write(tmp.resolve("talk.mp4"), new byte[] {1});
    vm.show("Talk", mp4);
    assertThat(vm.fileProperty().get()).isEqualTo(mp4);
    assertThat(asked).containsExactly(mp4);
    assertThat(vm.posterProperty().get()).isEqualTo(tmp.resolve("poster.png"));
    vm.playbackFailed("MEDIA_UNSUPPORTED");
    assertThat(vm.statusProperty().get())
        .contains("talk.mp4")
        .contains("MEDIA_UNSUPPORTED")
        .contains("system player");
    assertThat(vm.failedProperty().get()).isTrue();
  }

  @Test
  void aPlayerThatFailsAtOnceKeepsItsMessage() throws Exception {
    Path mp4 = Files.write(tmp.resolve("now.mp4"), new byte[] {1});
    // The view starts the player when the file changes; some failures come back synchronously.
    vm.fileProperty().addListener((o, a, f) -> vm.playbackFailed("Could not create player!"));
    vm.show("Now", mp4);
    assertThat(vm.statusProperty().get()).contains("Could not create player!");
  }
}
