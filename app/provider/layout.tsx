import type { ReactNode } from "react";
import { ClientMessages } from "@/components/ClientMessages";

export default function ProviderLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["provider"]}>{children}</ClientMessages>;
}
