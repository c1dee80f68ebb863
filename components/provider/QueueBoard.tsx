"use client";
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "suomifi-ui-components";
import type { ActionResult } from "@/lib/action-results";
import { EnrolmentActions, MoveForm, type EnrolmentHandlers } from "./EnrolmentActions";
import { PersonDetails } from "./PersonDetails";
import { PoolLegend, PoolMarks } from "./PoolMarks";
import { ResultMessage } from "./ResultMessage";
import type { EnrolmentRowData } from "./types";
import styles from "./provider.module.css";

/**
 * The waiting list in order. Reorder by dragging a row's handle (mouse, touch, or the keyboard
 * through dnd-kit), or with each row's "move to position" control; either way a reason is required
 * before anything changes.
 */
export function QueueBoard({ courseId, queue, actions }: { courseId: string; queue: EnrolmentRowData[]; actions: EnrolmentHandlers }) {
  const t = useTranslations("provider");
  const labels = useTranslations("labels");
  // The order on screen; a drag reorders it until the move is confirmed or undone. New server data resets it.
  const [order, setOrder] = useState(queue);
  const [shownQueue, setShownQueue] = useState(queue);
  if (shownQueue !== queue) {
    setShownQueue(queue);
    setOrder(queue);
  }
  const [pending, setPending] = useState<{ row: EnrolmentRowData; position: number } | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = order.findIndex((r) => r.id === active.id);
    const to = order.findIndex((r) => r.id === over.id);
    setOrder(arrayMove(order, from, to));
    setPending({ row: order[from]!, position: to + 1 });
  };
  const cancelDrag = () => {
    setOrder(queue);
    setPending(null);
  };
  const nameOf = (id: string | number) => order.find((r) => r.id === id)?.name ?? "";

  if (queue.length === 0) return <p>{t("queue.empty")}</p>;
  return (
    <div>
      {pending && (
        <div className={styles.pendingMove} role="region" aria-label={t("queue.confirmDragTitle")}>
          <p>{t("queue.confirmDrag", { name: pending.row.name, position: pending.position })}</p>
          <MoveForm
            key={`${pending.row.id}-${pending.position}`}
            move={actions.move}
            enrolment={pending.row}
            queueLength={queue.length}
            position={pending.position}
            onDone={(r) => {
              setResult(r);
              if (r.ok) setPending(null);
            }}
          />
          <Button variant="secondary" onClick={cancelDrag}>
            {t("queue.cancelDrag")}
          </Button>
        </div>
      )}
      <ResultMessage result={result} />
      <PoolLegend rows={queue} />
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: t("queue.dragInstructions") },
          announcements: {
            onDragStart: ({ active }) => t("queue.dragStart", { name: nameOf(active.id) }),
            onDragOver: ({ active, over }) => (over ? t("queue.dragOver", { name: nameOf(active.id), position: order.findIndex((r) => r.id === over.id) + 1 }) : undefined),
            onDragEnd: ({ active, over }) => (over ? t("queue.dragEnd", { name: nameOf(active.id), position: order.findIndex((r) => r.id === over.id) + 1 }) : undefined),
            onDragCancel: ({ active }) => t("queue.dragCancel", { name: nameOf(active.id) }),
          },
        }}
      >
        <SortableContext items={order.map((r) => r.id)} strategy={verticalListSortingStrategy}>
          <ol className={styles.queue} aria-label={t("queue.listLabel")}>
            {order.map((row) => (
              <QueueItem key={row.id} row={row} courseId={courseId} queueLength={queue.length} priorityLabel={labels(`priority.${row.priority}`)} actions={actions} />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
    </div>
  );
}

function QueueItem({ row, courseId, queueLength, priorityLabel, actions }: { row: EnrolmentRowData; courseId: string; queueLength: number; priorityLabel: string; actions: EnrolmentHandlers }) {
  const t = useTranslations("provider");
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: row.id });
  return (
    <li ref={setNodeRef} style={{ transform: CSS.Transform.toString(transform), transition }} className={`${styles.queueItem} ${isDragging ? styles.dragging : ""}`} data-testid="queue-item">
      <div className={styles.queueHead}>
        <button type="button" ref={setActivatorNodeRef} className={styles.handle} {...attributes} {...listeners} aria-label={t("queue.dragHandle", { name: row.name })}>
          <span aria-hidden="true">⠿</span>
        </button>
        <span className={styles.position} aria-label={t("queue.positionLabel", { position: row.queuePosition ?? 0 })}>
          {row.queuePosition}
        </span>
        <span className={row.priority === "URGENT" ? styles.urgent : styles.normal}>{priorityLabel}</span>
      </div>
      <PersonDetails row={row} courseId={courseId} />
      <PoolMarks row={row} />
      {row.priorityReason && <p className={styles.meta}>{t("queue.priorityReason", { text: row.priorityReason })}</p>}
      <EnrolmentActions enrolment={row} queueLength={queueLength} actions={actions} />
    </li>
  );
}
