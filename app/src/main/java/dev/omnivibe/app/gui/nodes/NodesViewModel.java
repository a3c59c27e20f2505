package dev.omnivibe.app.gui.nodes;

import dev.omnivibe.app.gui.Async;
import dev.omnivibe.engine.studio.NodeInfo;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The studio's render nodes and what each is doing, refreshed from the registry. */
public final class NodesViewModel {
  private final Async async;
  private final Supplier<List<NodeInfo>> studio;
  private final String offline;
  private final ObservableList<NodeInfo> nodes = FXCollections.observableArrayList();
  private final StringProperty summary = new SimpleStringProperty("");

  /**
   * @param studio the registry's listing; null when this workstation is not in a studio
   * @param offline why not (shown instead of the list)
   */
  public NodesViewModel(Async async, Supplier<List<NodeInfo>> studio, String offline) {
    this.async = async;
    this.studio = studio;
    this.offline = offline;
    summary.set(
        studio == null
            ? (offline != null
                ? offline
                : "This workstation is on its own. Set a Redis URI in Settings to join a studio.")
            : "Looking for nodes…");
  }

  public void refresh() {
    if (studio == null) {
      return;
    }
    async.call(
        studio::get,
        list -> {
          nodes.setAll(list);
          int running = list.stream().mapToInt(n -> n.running().size()).sum();
          int capacity = list.stream().mapToInt(NodeInfo::capacity).sum();
          summary.set(
              list.size()
                  + (list.size() == 1 ? " node · " : " nodes · ")
                  + running
                  + " of "
                  + capacity
                  + " render slots busy");
        },
        e ->
            summary.set("Cannot read the studio: " + e.getMessage() + (offline == null ? "" : "")));
  }

  public ObservableList<NodeInfo> nodes() {
    return nodes;
  }

  public StringProperty summaryProperty() {
    return summary;
  }
}
