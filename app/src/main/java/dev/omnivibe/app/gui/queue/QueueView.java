package dev.omnivibe.app.gui.queue;

import dev.omnivibe.app.gui.Formats;
import dev.omnivibe.engine.job.JobState;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The render queue table. Forwards every action to {@link QueueViewModel}. */
public final class QueueView extends BorderPane {
  private static final DataFormat JOB_ID = new DataFormat("application/x-omnivibe-job");
  private final QueueViewModel vm;
  private final TableView<JobRow> table = new TableView<>();

  /**
   * @param openFolder opens a folder in the system file manager
   * @param preview shows a finished job in the preview view
   */
  public QueueView(QueueViewModel vm, Consumer<Path> openFolder, Consumer<JobRow> preview) {
    this.vm = vm;
    setId("queue-view");
    table.setId("queue-table");
    table.setItems(vm.rows());
    table.setEditable(true);
    table.setPlaceholder(
        new Label("No renders yet. Add slides in New render, or drop a deck here."));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().addAll(columns());
    table.setRowFactory(t -> row());

    Button pause = new Button();
    pause.setId("pause-all");
    pause
        .textProperty()
        .bind(Bindings.when(vm.pausedProperty()).then("▶ Resume all").otherwise("❚❚ Pause all"));
    pause.setOnAction(e -> vm.togglePause());
    Button cancel = button("cancel-job", "✖ Cancel", () -> vm.cancel(selected()));
    Button retry = button("retry-job", "↻ Retry", () -> vm.retry(selected()));
    Button folder =
        button("open-folder", "Open folder", () -> openFolder.accept(vm.outputFolder(selected())));
    Button show = button("preview-job", "▷ Preview", () -> preview.accept(selected()));
    var sel = table.getSelectionModel().selectedItemProperty();
    // Re-evaluated on selection and on every table change, since a selected row changes state.
    Runnable enable =
        () -> {
          JobRow r = sel.get();
          cancel.setDisable(!vm.canCancel(r));
          retry.setDisable(!vm.canRetry(r));
          show.setDisable(!vm.canPreview(r));
        };
    sel.addListener((o, a, b) -> enable.run());
    vm.allRows().addListener((javafx.collections.ListChangeListener<JobRow>) c -> enable.run());
    vm.messageProperty().addListener((o, a, b) -> enable.run());
    table.setOnMouseClicked(e -> enable.run());
    enable.run();

    ChoiceBox<StateFilter> filter =
        new ChoiceBox<>(FXCollections.observableArrayList(StateFilter.values()));
    filter.setId("state-filter");
    filter.valueProperty().bindBidirectional(vm.filterProperty());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    setTop(new ToolBar(pause, cancel, retry, folder, show, grow, new Label("Show"), filter));
    setCenter(table);

    Label footer = new Label();
    footer.setId("queue-footer");
    footer
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    vm.waitingProperty().get()
                        + " waiting · "
                        + vm.runningProperty().get()
                        + " rendering · queue done in "
                        + Formats.duration(vm.queueEtaProperty().get())
                        + (vm.pausedProperty().get() ? " · PAUSED" : ""),
                vm.waitingProperty(),
                vm.runningProperty(),
                vm.queueEtaProperty(),
                vm.pausedProperty()));
    Label message = new Label();
    message.setId("queue-message");
    message.textProperty().bind(vm.messageProperty());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bar = new HBox(12, footer, gap, message);
    bar.getStyleClass().add("footer");
    setBottom(bar);

    MenuItem mCancel = item("Cancel", () -> vm.cancel(selected()));
    MenuItem mRetry = item("Retry", () -> vm.retry(selected()));
    MenuItem mPreview = item("Preview", () -> preview.accept(selected()));
    MenuItem mFolder =
        item("Open output folder", () -> openFolder.accept(vm.outputFolder(selected())));
    MenuItem mTop = item("Priority 9 (run next)", () -> vm.changePriority(selected(), 9));
    ContextMenu menu =
        new ContextMenu(mCancel, mRetry, mTop, new SeparatorMenuItem(), mPreview, mFolder);
    menu.setOnShowing(
        e -> {
          JobRow r = selected();
          mCancel.setDisable(!vm.canCancel(r));
          mRetry.setDisable(!vm.canRetry(r));
          mPreview.setDisable(!vm.canPreview(r));
          mTop.setDisable(r == null || r.job().state() != JobState.QUEUED);
        });
    table.setContextMenu(menu);
  }

  public TableView<JobRow> table() {
    return table;
  }

  private JobRow selected() {
    return table.getSelectionModel().getSelectedItem();
  }

  private java.util.List<TableColumn<JobRow, ?>> columns() {
    TableColumn<JobRow, String> name = new TableColumn<>("Name");
    name.setCellValueFactory(c -> c.getValue().nameProperty());
    name.setPrefWidth(200);
    TableColumn<JobRow, String> queue = new TableColumn<>("Queue");
    queue.setCellValueFactory(c -> c.getValue().queueProperty());
    TableColumn<JobRow, Integer> priority = new TableColumn<>("Priority");
    priority.setCellValueFactory(c -> c.getValue().priorityProperty().asObject());
    priority.setCellFactory(
        ComboBoxTableCell.forTableColumn(
            FXCollections.observableArrayList(IntStream.rangeClosed(0, 9).boxed().toList())));
    priority.setOnEditCommit(e -> vm.changePriority(e.getRowValue(), e.getNewValue()));
    priority.setEditable(true);
    TableColumn<JobRow, JobState> state = new TableColumn<>("State");
    state.setCellValueFactory(c -> c.getValue().stateProperty());
    state.setCellFactory(c -> new StateCell());
    TableColumn<JobRow, ProgressCell.Shown> progress = new TableColumn<>("Progress");
    progress.setCellValueFactory(c -> ProgressCell.of(c.getValue()));
    progress.setCellFactory(c -> new ProgressCell());
    progress.setPrefWidth(190);
    TableColumn<JobRow, String> encoder = new TableColumn<>("Encoder");
    encoder.setCellValueFactory(c -> c.getValue().encoderProperty());
    TableColumn<JobRow, String> by = new TableColumn<>("By");
    by.setCellValueFactory(c -> c.getValue().byProperty());
    TableColumn<JobRow, String> node = new TableColumn<>("Node");
    node.setCellValueFactory(c -> c.getValue().nodeProperty());
    TableColumn<JobRow, String> submitted = new TableColumn<>("Submitted");
    submitted.setCellValueFactory(
        c -> new ReadOnlyStringWrapper(Formats.time(c.getValue().job().createdAt())));
    TableColumn<JobRow, String> started = new TableColumn<>("Started");
    started.setCellValueFactory(
        c ->
            Bindings.createStringBinding(
                () -> Formats.time(c.getValue().job().startedAt()), c.getValue().stateProperty()));
    TableColumn<JobRow, String> elapsed = new TableColumn<>("Elapsed");
    elapsed.setCellValueFactory(
        c ->
            Bindings.createStringBinding(
                () -> Formats.duration(c.getValue().elapsedSecondsProperty().get()),
                c.getValue().elapsedSecondsProperty()));
    TableColumn<JobRow, String> detail = new TableColumn<>("Details");
    detail.setCellValueFactory(c -> c.getValue().detailProperty());
    detail.setCellFactory(
        c ->
            new javafx.scene.control.TableCell<>() {
              @Override
              protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                // Failure messages are long (they name the file and field): show them whole on
                // hover.
                setTooltip(
                    empty || v == null || v.isEmpty() ? null : new javafx.scene.control.Tooltip(v));
              }
            });
    detail.setPrefWidth(260);
    for (TableColumn<JobRow, ?> c :
        java.util.List.of(
            name, queue, state, progress, encoder, by, node, submitted, started, elapsed, detail)) {
      c.setEditable(false);
      c.setSortable(false); // the order is the queue's order; drag rows to change it
    }
    priority.setSortable(false);
    return java.util.List.of(
        name, queue, priority, state, progress, encoder, by, node, submitted, started, elapsed,
        detail);
  }

  private TableRow<JobRow> row() {
    TableRow<JobRow> row = new TableRow<>();
    row.setOnDragDetected(
        e -> {
          if (row.getItem() == null || row.getItem().job().state() != JobState.QUEUED) {
            return;
          }
          var board = row.startDragAndDrop(TransferMode.MOVE);
          ClipboardContent content = new ClipboardContent();
          content.put(JOB_ID, row.getItem().id());
          board.setContent(content);
          e.consume();
        });
    row.setOnDragOver(
        e -> {
          if (e.getDragboard().hasContent(JOB_ID) && row.getItem() != null) {
            e.acceptTransferModes(TransferMode.MOVE);
          }
          e.consume();
        });
    row.setOnDragDropped(
        e -> {
          Object id = e.getDragboard().getContent(JOB_ID);
          JobRow dragged = id == null ? null : vm.row(id.toString());
          if (dragged != null && row.getItem() != null) {
            vm.moveTo(dragged, row.getItem());
            e.setDropCompleted(true);
          }
          e.consume();
        });
    return row;
  }

  private static Button button(String id, String text, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }

  private static MenuItem item(String text, Runnable action) {
    MenuItem m = new MenuItem(text);
    m.setOnAction(e -> action.run());
    return m;
  }
}
