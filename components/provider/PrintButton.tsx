"use client";
import { Button } from "suomifi-ui-components";
import styles from "./provider.module.css";

export function PrintButton({ label }: { label: string }) {
  return (
    <span className={styles.noPrint}>
      <Button variant="secondary" onClick={() => window.print()}>
        {label}
      </Button>
    </span>
  );
}
