"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import styles from "./WorkspaceNav.module.css";

/** A workspace's own navigation (official, administrator); the current page is marked for screen readers too. */
export function WorkspaceNav({ label, items }: { label: string; items: { href: string; label: string; exact: boolean }[] }) {
  const path = usePathname();
  const current = (href: string, exact: boolean) =>
    exact ? path === href : path === href || (path.startsWith(`${href}/`) && !items.some((i) => i.href !== href && i.exact && path === i.href));
  return (
    <nav aria-label={label} className={styles.nav}>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={current(item.href, item.exact) ? "page" : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
