/** A row of headline numbers; a description list so each number keeps its label for screen readers. */
export function StatList({ items }: { items: { label: string; value: number | string }[] }) {
  return (
    <dl className="kp-stats">
      {items.map((item) => (
        <div key={item.label}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
