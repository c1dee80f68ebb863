import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { EmailContact } from "../types";

const page = { backgroundColor: "#f5f7fa", fontFamily: "'Source Sans 3', Arial, sans-serif", margin: 0, padding: "16px 0" };
const card = { backgroundColor: "#ffffff", border: "1px solid #c8cdd0", maxWidth: "600px", padding: "24px", margin: "0 auto" };
const brand = { color: "#003479", fontSize: "14px", fontWeight: 700, margin: "0 0 16px" };
const heading = { color: "#212121", fontSize: "24px", lineHeight: "30px", margin: "0 0 16px" };
const text = { color: "#212121", fontSize: "16px", lineHeight: "24px", margin: "0 0 12px" };
const small = { color: "#5f686d", fontSize: "14px", lineHeight: "20px", margin: "0 0 8px" };
const primary = { backgroundColor: "#2a6ebb", color: "#ffffff", fontSize: "16px", fontWeight: 600, padding: "12px 20px", borderRadius: "2px", textDecoration: "none", margin: "0 8px 8px 0", display: "inline-block" };
const secondary = { ...primary, backgroundColor: "#ffffff", color: "#2a6ebb", border: "1px solid #2a6ebb" };

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={text}>{children}</Text>;
}

export function Details({ rows, dir = "ltr" }: { rows: [label: string, value: string][]; dir?: "ltr" | "rtl" }) {
  const border = dir === "rtl" ? { borderRight: "4px solid #2a6ebb" } : { borderLeft: "4px solid #2a6ebb" };
  return (
    <Section style={{ ...border, padding: "8px 12px", margin: "0 0 16px", backgroundColor: "#eaf2fa" }}>
      {rows.map(([label, value], i) => (
        <Text key={`${i}-${label}`} style={{ ...text, margin: "0 0 4px" }}>
          <strong>{label}:</strong> {value}
        </Text>
      ))}
    </Section>
  );
}

export function Buttons({ buttons }: { buttons: { label: string; href: string; kind?: "primary" | "secondary" }[] }) {
  return (
    <Section style={{ margin: "8px 0 16px" }}>
      {buttons.map((b) => (
        <Section key={b.href}>
          <Button href={b.href} style={b.kind === "secondary" ? secondary : primary}>
            {b.label}
          </Button>
        </Section>
      ))}
    </Section>
  );
}

export function SmallPrint({ children }: { children: ReactNode }) {
  return <Text style={small}>{children}</Text>;
}

export interface LayoutProps {
  lang: string;
  dir: "ltr" | "rtl";
  preview: string;
  title: string;
  contact: EmailContact;
  labels: { contactHeading: string; contact: string; automatic: string };
  children: ReactNode;
}

/** Every e-mail: the service's name, a heading, the content, and who to contact. */
export function Layout({ lang, dir, preview, title, contact, labels, children }: LayoutProps) {
  return (
    <Html lang={lang} dir={dir}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={page}>
        <Container style={card} dir={dir}>
          <Text style={brand}>Koulutusportti</Text>
          <Heading as="h1" style={heading}>
            {title}
          </Heading>
          {children}
          <Hr style={{ borderColor: "#c8cdd0", margin: "24px 0 16px" }} />
          <Text style={{ ...small, fontWeight: 700 }}>{labels.contactHeading}</Text>
          <Text style={small}>{labels.contact}</Text>
          {contact.address ? <Text style={small}>{contact.address}</Text> : null}
          {contact.email ? (
            <Text style={small}>
              <Link href={`mailto:${contact.email}`}>{contact.email}</Link>
            </Text>
          ) : null}
          {contact.phone ? (
            <Text style={small}>
              <span dir="ltr">{contact.phone}</span>
            </Text>
          ) : null}
          <Text style={small}>{labels.automatic}</Text>
        </Container>
      </Body>
    </Html>
  );
}
