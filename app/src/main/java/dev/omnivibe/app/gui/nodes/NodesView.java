package dev.omnivibe.app.gui.nodes;

import dev.omnivibe.app.gui.Formats;
import dev.omnivibe.engine.studio.NodeInfo;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;

/** Every node of the studio: host, what it can run, how busy it is. */
public final class NodesView extends BorderPane {
  public NodesView(NodesViewModel vm) {
    setId("nodes-view");
    TableView<NodeInfo> table = new TableView<>(vm.nodes());
    table.setId("nodes-table");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().add(column("Node", NodeInfo::id));
    table.getColumns().add(column("Host", NodeInfo::host));
    table
        .getColumns()
        .add(
            column(
                "Hardware encoders",
                n ->
                    n.capabilities().isEmpty()
                        ? "software only"
                        : String.join(", ", n.capabilities())));
    table.getColumns().add(column("Busy", n -> n.running().size() + " / " + n.capacity()));
    table
        .getColumns()
        .add(
            column(
                "Running",
                n ->
                    String.join(
                        ", ",
                        n.running().stream()
                            .map(id -> id.substring(0, Math.min(8, id.length())))
                            .toList())));
    table.getColumns().add(column("API", NodeInfo::api));
    table.getColumns().add(column("Last heartbeat", n -> Formats.time(n.lastSeen())));
    Label summary = new Label();
    summary.setId("nodes-summary");
    summary.textProperty().bind(vm.summaryProperty());
    table.setPlaceholder(summary);
    Button refresh = new Button("↻ Refresh");
    refresh.setOnAction(e -> vm.refresh());
    Label top = new Label();
    top.textProperty().bind(vm.summaryProperty());
    setTop(new ToolBar(refresh, top));
    setCenter(table);
  }

  private static TableColumn<NodeInfo, String> column(
      String title, Function<NodeInfo, String> value) {
    TableColumn<NodeInfo, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    return c;
  }
}
