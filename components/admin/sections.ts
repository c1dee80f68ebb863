/** The administration console's sections, in order: its navigation and its home page list them. */
export const ADMIN_SECTIONS = [
  { href: "/admin/organisations", key: "organisations" },
  { href: "/admin/users", key: "users" },
  { href: "/admin/lists", key: "lists" },
  { href: "/admin/tokens", key: "tokens" },
  { href: "/admin/outbox", key: "outbox" },
  { href: "/admin/settings", key: "settings" },
  { href: "/admin/audit", key: "audit" },
] as const;
