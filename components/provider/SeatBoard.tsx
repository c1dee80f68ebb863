import { useTranslations } from "next-intl";
import styles from "./provider.module.css";

/** Every seat as a square: held ones filled, free ones empty; the numbers say the same in words. */
export function SeatBoard({ capacity, held, offered, queueLength }: { capacity: number; held: number; offered: number; queueLength: number }) {
  const t = useTranslations("provider");
  const free = Math.max(0, capacity - held);
  const shown = Math.min(capacity, 200);
  return (
    <div className={styles.board}>
      <dl className="kp-stats">
        <div><dt>{t("board.capacity")}</dt><dd>{capacity}</dd></div>
        <div><dt>{t("board.held")}</dt><dd data-testid="seats-held">{held}</dd></div>
        <div><dt>{t("board.offered")}</dt><dd data-testid="seats-offered">{offered}</dd></div>
        <div><dt>{t("board.free")}</dt><dd data-testid="seats-free">{free}</dd></div>
        <div><dt>{t("board.queue")}</dt><dd data-testid="queue-length">{queueLength}</dd></div>
      </dl>
      <div className={styles.seats} aria-hidden="true">
        {Array.from({ length: shown }, (_, i) => (
          <span key={i} className={i < held ? styles.seatHeld : styles.seatFree} />
        ))}
      </div>
    </div>
  );
}

/** A fill-rate bar with its percentage in text. */
export function FillBar({ capacity, held }: { capacity: number; held: number }) {
  const t = useTranslations("provider");
  const pct = capacity > 0 ? Math.round((held / capacity) * 100) : 0;
  return (
    <span className={styles.fill}>
      {/* An SVG rect's width attribute, not a style attribute: the CSP allows no inline styles. */}
      <svg className={styles.fillTrack} viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect className={styles.fillBar} width={Math.min(100, pct)} height="10" />
      </svg>
      <span>{t("board.fillRate", { pct })}</span>
    </span>
  );
}
